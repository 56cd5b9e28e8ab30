import ChatApp
import Foundation
import IntentModel

/// A `ChatBackend` with only a classifier: it replies with a reply variant added in the UI,
/// else the top intent's name; turns, labels and variants live in memory until it exits.
final class ClassifierOnlyBackend: ChatBackend {
    private let classifier: Classifier
    private let threshold: Float
    private let clock = ContinuousClock()
    private(set) var session: SessionInfo
    private var conversation = 1
    private var turns: [MemoryTurn] = []
    private var handedOff: Set<Int> = []
    private var variants: [String: [TemplateVariant]] = [:]
    private var nextVariant: VariantID = 1

    /// Consecutive fallbacks after which the conversation goes to a human.
    static let fallbacksBeforeHandoff = 2
    /// The reply when the model is not confident enough.
    static let fallbackReply = "Sorry, I did not understand. Could you rephrase that?"
    /// The note when a human takes the conversation.
    static let handoffNote = "Handing the conversation to a human agent."

    /// A backend on `classifier`, named `model` on the status line.
    init(classifier: Classifier, model: String, agent: String) {
        self.classifier = classifier
        threshold = classifier.metadata.threshold ?? 0.5
        session = SessionInfo(conversation: "1", model: model, agent: agent, intents: classifier.intents.sorted())
    }

    func analyze(_ draft: String) -> DraftAnalysis {
        DraftAnalyzer.analyze(draft, with: classifier)
    }

    func send(customer text: String) throws -> Exchange {
        let start = clock.now
        let top = classifier.predict(text).top
        let fallback = top.confidence < threshold
        let id = TurnID(turns.count + 1)
        let choices = variants[top.intent] ?? []
        let reply = fallback ? Self.fallbackReply : choices.isEmpty ? top.intent : choices[Int(id) % choices.count].text
        let latency = (clock.now - start).milliseconds
        turns.append(MemoryTurn(id: id, conversation: conversation, text: text, intent: top.intent, confidence: top.confidence, fallback: fallback, latencyMilliseconds: latency))
        let recent = turns.filter { $0.conversation == conversation }.suffix(Self.fallbacksBeforeHandoff)
        let handoff = fallback && recent.count == Self.fallbacksBeforeHandoff && recent.allSatisfy(\.fallback) && !handedOff.contains(conversation)
        var lines = [
            TranscriptLine(role: .customer, text: text, turn: id),
            TranscriptLine(role: .bot, text: reply, turn: id, intent: top.intent, confidence: top.confidence, fallback: fallback),
        ]
        if handoff { lines += try self.handoff() }
        let decision = Decision(intent: top.intent, confidence: top.confidence, threshold: threshold, fallback: fallback, handoff: handoff, latencyMilliseconds: latency)
        return Exchange(lines: lines, decision: decision)
    }

    func sendAgentReply(_ text: String) throws -> [TranscriptLine] {
        [TranscriptLine(role: .agent, text: text)]
    }

    func handoff() throws -> [TranscriptLine] {
        handedOff.insert(conversation)
        return [TranscriptLine(role: .system, text: Self.handoffNote)]
    }

    func relabel(turn: TurnID, intent: String) throws {
        guard let i = turns.firstIndex(where: { $0.id == turn }) else { throw Failure("no turn \(turn)") }
        guard classifier.intents.contains(intent) else { throw Failure("unknown intent \(intent)") }
        turns[i].label = intent
    }

    func newConversation() throws -> SessionInfo {
        conversation += 1
        session.conversation = "\(conversation)"
        return session
    }

    func reviewQueue() throws -> [ReviewItem] {
        turns.filter { $0.label == nil }
            .sorted { ($0.fallback ? 0 : 1, $0.confidence, $0.id) < ($1.fallback ? 0 : 1, $1.confidence, $1.id) }
            .map { ReviewItem(turn: $0.id, text: $0.text, intent: $0.intent, confidence: $0.confidence, fallback: $0.fallback) }
    }

    func templates() throws -> [TemplateItem] {
        session.intents.map { TemplateItem(intent: $0, variants: variants[$0] ?? []) }
    }

    func saveTemplate(intent: String, variant: VariantID?, text: String) throws {
        if let variant, let i = variants[intent]?.firstIndex(where: { $0.id == variant }) {
            variants[intent]![i].text = text
        } else {
            variants[intent, default: []].append(TemplateVariant(id: nextVariant, text: text))
            nextVariant += 1
        }
    }

    func deleteTemplate(intent: String, variant: VariantID) throws {
        variants[intent]?.removeAll { $0.id == variant }
    }

    func monitor() throws -> MonitorFigures {
        let count = max(1, turns.count)
        var histogram = [Int](repeating: 0, count: 10)
        for t in turns { histogram[min(9, Int(t.confidence * 10))] += 1 }
        let mix = Dictionary(grouping: turns, by: \.intent)
            .map { IntentCount(intent: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.intent) < ($0.count, $1.intent) }
        let latencies = turns.map(\.latencyMilliseconds).sorted()
        let percentiles = [0.5, 0.9, 0.99].map { p in latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(p * Double(latencies.count)))] }
        let labeled = turns.filter { $0.label != nil }
        let conversations = Set(turns.map(\.conversation)).union([conversation]).count
        return MonitorFigures(
            turns: turns.count, conversations: conversations,
            fallbackRate: Double(turns.filter(\.fallback).count) / Double(count),
            handoffRate: Double(handedOff.count) / Double(conversations),
            averageConfidence: turns.reduce(0) { $0 + Double($1.confidence) } / Double(count),
            confidenceHistogram: histogram, intentMix: mix, latency: percentiles, labeled: labeled.count,
            liveAccuracy: labeled.isEmpty ? nil : Double(labeled.filter { $0.label == $0.intent }.count) / Double(labeled.count)
        )
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) * 1e-15
    }
}
