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

    /// The kind of personal data slot `name` holds (every slot is personal data).
    public static func kind(of name: String) -> PersonalDataKind? {
        switch name {
        case "agent_name", "customer_name": .name
        case "order_id": .orderID
        case "email": .email
        default: nil
        }
    }

    /// Takes `filled` (what a stored turn filled) as if its line were read again.
    public mutating func merge(_ filled: [String: String]) {
        values.merge(filled.filter { Self.names.contains($0.key) }) { $1 }
    }

    /// Reads the slots a customer message mentions, as `Redactor` finds them (one rule for
    /// what a name, an order number or an e-mail is); a later mention wins.
    public mutating func absorb(_ text: String) {
        for match in Redactor.matches(in: text) {
            switch match.kind {
            case .orderID: values["order_id"] = match.value
            case .email where match.value.contains("@"): values["email"] = match.value
            case .name: values["customer_name"] = match.value
            default: break
            }
        }
    }
}
