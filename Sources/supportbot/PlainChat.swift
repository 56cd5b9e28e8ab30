import Assistant
import Foundation

/// The line-mode chat: each stdin line is a customer message; each reply goes to stdout as
/// text or as one JSON object.
struct PlainChat {
    let session: ChatSession
    let json: Bool
    /// Keeps the session on the registry's active model (nil with a model file).
    let follower: ActiveModelFollower?

    /// The `--json` line for one customer message.
    struct Line: Encodable {
        let reply: BotReply
        let text: String

        enum CodingKeys: String, CodingKey {
            case conversation, text, intent, confidence, reply, handoff, fallback, turn, latency_us, outcome,
                handoff_reason, model
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(reply.conversation, forKey: .conversation)
            try c.encode(text, forKey: .text)
            try c.encode(reply.intent, forKey: .intent)
            try c.encode(reply.confidence, forKey: .confidence)
            try c.encode(reply.text, forKey: .reply)
            try c.encode(reply.outcome.withAgent, forKey: .handoff)
            try c.encode(reply.outcome.isLowConfidence, forKey: .fallback)
            try c.encode(reply.outcome.name, forKey: .outcome)
            try c.encode(reply.outcome.handoffReason?.rawValue, forKey: .handoff_reason)
            try c.encode(reply.modelVersion, forKey: .model)
            try c.encode(reply.customerTurn, forKey: .turn)
            try c.encode(reply.latencyMicros, forKey: .latency_us)
        }
    }

    /// Answers stdin until it ends; blank lines are skipped. A line the store cannot keep
    /// exactly (`StoredText`) stops the chat with its line number; earlier turns stay stored.
    func run() throws {
        var number = 0
        while var line = readLine(strippingNewline: true) {
            number += 1
            if line.hasSuffix("\r") { line.removeLast() }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            try follower?.refresh(session)
            let reply: BotReply
            do { reply = try session.reply(to: line) } catch let error as StoredText.Refused {
                throw Failure("stdin line \(number): \(error)")
            }
            if json {
                print(try JSONLine.string(Line(reply: reply, text: line)))
            } else if let text = reply.text {
                Output.print(text)
            }
            fflush(nil)
        }
    }
}
