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
    /// The turn has no label event left to undo.
    case nothingToUndo(Int64)
    /// A label event names no intent where its kind needs one.
    case missingIntent(Int64)
    /// A setting's value breaks its rule (key, why).
    case invalidSetting(String, String)
    /// Intents the store does not have.
    case unknownIntents([String])
    /// No setting has this key.
    case unknownSetting(String)
    /// No model has this version (or its checkpoint was deleted).
    case unknownModel(Int64)

    public var description: String {
        switch self {
        case let .unknownTurn(id): "no turn \(id)"
        case let .notACustomerTurn(id): "turn \(id) is not a customer turn"
        case let .unknownIntent(name): "unknown intent '\(name)'"
        case let .unknownTemplate(id): "no template \(id)"
        case let .unknownConversation(id): "no conversation \(id)"
        case let .nothingToUndo(id): "turn \(id) has no label to undo"
        case let .missingIntent(id): "a label of turn \(id) needs an intent"
        case let .invalidSetting(key, why): "\(key): \(why)"
        case let .unknownIntents(names): "unknown intents: \(names.joined(separator: ", ")) (add them to intents/ and sync, or use --create-intents)"
        case let .unknownSetting(key): "unknown setting '\(key)' (known: \(StoreSetting.all.map(\.key).joined(separator: ", ")))"
        case let .unknownModel(version): "no model v\(version)"
        }
    }
}
