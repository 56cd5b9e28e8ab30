/// A request the store refuses, whichever store it is.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No turn has this id.
    case unknownTurn(Int64)
    /// Only customer turns carry an intent to relabel.
    case notACustomerTurn(Int64)
    /// No intent has this name.
    case unknownIntent(String)
    /// No template has this id.
    case unknownTemplate(Int64)
    /// No conversation has this id.
    case unknownConversation(Int64)

    public var description: String {
        switch self {
        case let .unknownTurn(id): "no turn \(id)"
        case let .notACustomerTurn(id): "turn \(id) is not a customer turn"
        case let .unknownIntent(name): "unknown intent '\(name)'"
        case let .unknownTemplate(id): "no template \(id)"
        case let .unknownConversation(id): "no conversation \(id)"
        }
    }
}
