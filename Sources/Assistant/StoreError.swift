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
    /// No model has this version (or its checkpoint was deleted).
    case unknownModel(Int64)
    /// The active model cannot be deleted.
    case activeModel(Int64)
    /// No earlier active version to roll back to.
    case noEarlierModel
    /// No setting has this key.
    case unknownSetting(String)

    public var description: String {
        switch self {
        case .unknownTurn(let id): "no turn \(id)"
        case .notACustomerTurn(let id): "turn \(id) is not a customer turn"
        case .unknownIntent(let name): "unknown intent '\(name)'"
        case .unknownTemplate(let id): "no template \(id)"
        case .unknownConversation(let id): "no conversation \(id)"
        case .nothingToUndo(let id): "turn \(id) has no label to undo"
        case .missingIntent(let id): "a label of turn \(id) needs an intent"
        case .invalidSetting(let key, let why): "\(key): \(why)"
        case .unknownIntents(let names):
            "unknown intents: \(names.joined(separator: ", ")) (add them to intents/ and sync, or use --create-intents)"
        case .unknownModel(let version): "no model v\(version)"
        case .activeModel(let version): "v\(version) is the active model: promote another first"
        case .noEarlierModel: "no earlier active model to roll back to"
        case .unknownSetting(let key):
            "unknown setting '\(key)' (known: \(StoreSetting.all.map(\.key).joined(separator: ", ")))"
        }
    }
}
