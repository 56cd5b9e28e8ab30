/// Gathers the rows of a store's stats requests into figures by series key: each backend runs
/// its own queries (SQLite's, PostgreSQL's) and feeds their rows here, so the figures are put
/// together by one rule. Rows of one request may come in any order, except latencies.
public struct StatsTally: Sendable {
    private var figures: [String: StatsFigures] = [:]
    private var intents: [String: [String: StatsFigures.IntentFigures]] = [:]

    /// An empty tally.
    public init() {}

    /// (key, customer turns the model predicted, their mean confidence).
    public mutating func customerTurns(_ key: String, count: Int, confidenceMean: Double?) {
        update(key) { ($0.customerTurns, $0.confidenceMean) = (count, confidenceMean) }
    }

    /// (key, low-confidence customer turns).
    public mutating func fallbacks(_ key: String, count: Int) { update(key) { $0.fallbacks = count } }

    /// (key, customer turns predicted out of scope).
    public mutating func outOfScope(_ key: String, count: Int) { update(key) { $0.outOfScope = count } }

    /// (key, confidence decile 0…9, customer turns).
    public mutating func confidence(_ key: String, decile: Int, count: Int) {
        update(key) { $0.confidenceHistogram[min(max(decile, 0), 9)] = count }
    }

    /// (key, intent, customer turns predicted as it, the low-confidence ones).
    public mutating func intentMix(_ key: String, intent: String, turns: Int, fallbacks: Int) {
        updateIntent(key, intent) { ($0.turns, $0.fallbacks) = (turns, fallbacks) }
    }

    /// (key, intent, answered labelled turns predicted as it, those labelled as predicted).
    public mutating func intentPrecision(_ key: String, intent: String, labelled: Int, correct: Int) {
        updateIntent(key, intent) { ($0.labelled, $0.correct) = (labelled, correct) }
    }

    /// (key, tokens, unknown tokens) of the customer turns that recorded them.
    public mutating func tokens(_ key: String, tokens: Int, unknown: Int) {
        update(key) { ($0.tokens, $0.unknownTokens) = (tokens, unknown) }
    }

    /// (key, conversations, their first hand-offs in the period by reason).
    public mutating func conversations(_ key: String, count: Int, handoffs: [HandoffReason: Int]) {
        let reasons = handoffs.filter { $0.value > 0 }
        update(key) { ($0.conversations, $0.handoffsByReason) = (count, reasons) }
    }

    /// (key, labelled customer turns, answered ones, answered and labelled as predicted).
    public mutating func labels(_ key: String, labelled: Int, answered: Int, correct: Int) {
        update(key) { ($0.labelled, $0.answeredLabelled, $0.answeredCorrect) = (labelled, answered, correct) }
    }

    /// (key, every timed reply's latency in microseconds, sorted).
    public mutating func latencies(_ key: String, sorted: [Int]) {
        update(key) { $0.latency = StatsFigures.Latency(sorted: sorted) }
    }

    private mutating func update(_ key: String, _ body: (inout StatsFigures) -> Void) {
        body(&figures[key, default: StatsFigures()])
    }

    private mutating func updateIntent(
        _ key: String, _ intent: String, _ body: (inout StatsFigures.IntentFigures) -> Void
    ) {
        body(&intents[key, default: [:]][intent, default: StatsFigures.IntentFigures(intent: intent)])
    }

    /// The figures by key, each key's intents by turns (most first), then name.
    public var result: [String: StatsFigures] {
        var result = figures
        for (key, byIntent) in intents {
            result[key, default: StatsFigures()].intents = byIntent.values.sorted {
                ($0.turns, $1.intent) > ($1.turns, $0.intent)
            }
        }
        return result
    }
}
