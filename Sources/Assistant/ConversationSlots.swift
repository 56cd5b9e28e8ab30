import Foundation

/// The template slots a conversation has filled so far: order number, e-mail, names.
public struct ConversationSlots: Sendable, Equatable {
    /// The slots templates may use.
    public static let names: Set<String> = ["agent_name", "customer_name", "order_id", "email"]

    /// Slot values by name; a later mention replaces an earlier one.
    public private(set) var values: [String: String]

    /// Slots holding the agent's name (if any).
    public init(agentName: String? = nil) {
        values = [:]
        if let agentName, !agentName.isEmpty { values["agent_name"] = agentName }
    }

    /// The slots a customer message fills on its own (what `absorb` takes from it).
    public static func filled(by text: String) -> [String: String] {
        var slots = ConversationSlots()
        slots.absorb(text)
        return slots.values
    }

    /// What the customer has told so far: every slot but the agent's name.
    public var remembered: [String: String] { values.filter { $0.key != "agent_name" } }

    /// Takes `filled` (what a stored turn filled) as if its line were read again.
    public mutating func merge(_ filled: [String: String]) {
        values.merge(filled.filter { Self.names.contains($0.key) }) { $1 }
    }

    /// Reads the slots a customer message mentions.
    public mutating func absorb(_ text: String) {
        if let order = Self.lastMatch(of: Self.orderPatterns, in: text) { values["order_id"] = order }
        if let email = Self.lastMatch(of: [Self.emailPattern], in: text) { values["email"] = email }
        if let name = Self.lastMatch(of: Self.namePatterns, in: text) { values["customer_name"] = name }
    }

    // Each pattern's first capture group is the value; `Redactor` masks the same values.
    static let orderPatterns = [
        #"\b([A-Za-z]-\d{5,})\b"#,
        #"#\s?(\d{4,})\b"#,
        #"(?i)\border\s*(?:no\.?|number|num|id)?\s*[:#]?\s*(\d{4,})\b"#,
        #"订单号?\s*[:：#]?\s*(\d{4,})"#,
    ].map { try! NSRegularExpression(pattern: $0) }
    static let emailPattern = try! NSRegularExpression(pattern: #"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"#)
    /// A name stated outright: "my name is X", "我叫X".
    static let statedNamePatterns = [
        #"(?i)\bmy name is\s+([A-Za-z][A-Za-z'-]{0,30})"#,
        #"(?:我叫|我的名字是)\s*(\p{Han}{1,4})"#,
    ].map { try! NSRegularExpression(pattern: $0) }
    private static let namePatterns = statedNamePatterns + [try! NSRegularExpression(pattern: #"\b(?:I'm|I am|[Tt]his is)\s+([A-Z][a-z'-]{1,30})\b"#)]

    /// The first group of the match that ends last in `text`, over all patterns.
    private static func lastMatch(of patterns: [NSRegularExpression], in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        let matches = patterns.flatMap { $0.matches(in: text, range: range) }
        guard let last = matches.max(by: { $0.range.upperBound < $1.range.upperBound }),
              let group = Range(last.range(at: 1), in: text) else { return nil }
        return String(text[group])
    }
}
