/// How far a period's figures moved from the period of the same length before it, and which
/// moves go beyond their bounds.
public struct DriftReport: Sendable, Equatable {
    /// The bounds beyond which a move is flagged (settings `drift_*`).
    public struct Bounds: Sendable, Equatable {
        /// Largest intent-mix Jensen–Shannon distance not flagged.
        public var intentMixDistance = 0.1
        /// Largest fall of mean confidence not flagged.
        public var confidenceDrop = 0.05
        /// Largest relative rise of the unknown-token rate not flagged (0.5: +50 %).
        public var unknownTokenRise = 0.5

        /// The defaults.
        public init() {}
    }

    /// A flagged move.
    public enum Flag: String, Sendable, Equatable, CaseIterable {
        /// The intent mix shifted.
        case intentMix = "intent_mix"
        /// Mean confidence fell.
        case confidence
        /// More words unknown to the model.
        case unknownTokens = "unknown_tokens"
    }

    /// An intent whose share of customer turns moved.
    public struct Move: Sendable, Equatable {
        /// The intent.
        public var intent: String
        /// Its share before, and now.
        public var before: Double, after: Double

        /// Creates a move.
        public init(intent: String, before: Double, after: Double) {
            self.intent = intent
            self.before = before
            self.after = after
        }
    }

    /// How many intents `moved` lists at most.
    public static let movedCount = 3

    /// Jensen–Shannon distance of the intent mixes; nil when either period has no turns.
    public var intentMixDistance: Double?
    /// Mean confidence now minus before.
    public var confidenceChange: Double?
    /// Relative change of the unknown-token rate ((now − before) / before); nil when before is 0 or unknown.
    public var unknownTokenRateChange: Double?
    /// The moves beyond their bounds.
    public var flags: [Flag]
    /// The intents whose share moved most, largest move first.
    public var moved: [Move]

    /// Compares `current` with `previous`; nil when the previous period has no customer turns.
    public init?(current: StatsFigures, previous: StatsFigures, bounds: Bounds) {
        guard previous.customerTurns > 0 else { return nil }
        let now = current.intentCounts
        let before = previous.intentCounts
        intentMixDistance = Statistics.jensenShannonDistance(now, before)
        confidenceChange = current.confidenceMean.flatMap { a in previous.confidenceMean.map { a - $0 } }
        let rateNow = current.unknownTokenRate
        let rateBefore = previous.unknownTokenRate
        unknownTokenRateChange = rateNow.flatMap { a in rateBefore.flatMap { $0 > 0 ? (a - $0) / $0 : nil } }
        var flags: [Flag] = []
        if let d = intentMixDistance, d > bounds.intentMixDistance { flags.append(.intentMix) }
        if let c = confidenceChange, -c > bounds.confidenceDrop { flags.append(.confidence) }
        if let a = rateNow, let b = rateBefore, b > 0 ? (a - b) / b > bounds.unknownTokenRise : a > 0 {
            flags.append(.unknownTokens)
        }
        self.flags = flags
        moved = Self.moves(now: now, before: before)
    }

    /// The intents whose share moved most (ties by name).
    private static func moves(now: [String: Int], before: [String: Int]) -> [Move] {
        let nowTotal = Double(max(1, now.values.reduce(0, +)))
        let beforeTotal = Double(max(1, before.values.reduce(0, +)))
        return Set(now.keys).union(before.keys)
            .map {
                Move(intent: $0, before: Double(before[$0] ?? 0) / beforeTotal, after: Double(now[$0] ?? 0) / nowTotal)
            }
            .filter { $0.before != $0.after }
            .sorted { (abs($0.after - $0.before), $1.intent) > (abs($1.after - $1.before), $0.intent) }
            .prefix(movedCount).map { $0 }
    }
}
