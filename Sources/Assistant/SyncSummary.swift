/// What loading an intents directory into the store changed.
public struct SyncSummary: Sendable, Equatable, Encodable {
    /// Intents added and updated (description or action changed).
    public var intentsAdded = 0, intentsUpdated = 0
    /// File templates added, updated (weight) and removed.
    public var templatesAdded = 0, templatesUpdated = 0, templatesRemoved = 0
    /// File variants left alone because a template edited in the store replaces them.
    public var templatesKept = 0
    /// File examples added, updated (source line) and removed.
    public var examplesAdded = 0, examplesUpdated = 0, examplesRemoved = 0

    /// Nothing changed yet.
    public init() {}

    /// Whether the load changed nothing.
    public var isEmpty: Bool {
        intentsAdded + intentsUpdated + templatesAdded + templatesUpdated + templatesRemoved
            + examplesAdded + examplesUpdated + examplesRemoved == 0
    }

    /// One line for the user.
    public var line: String {
        "intents +\(intentsAdded) ~\(intentsUpdated); "
            + "templates +\(templatesAdded) ~\(templatesUpdated) -\(templatesRemoved) "
            + "(\(templatesKept) kept: edited in the store); "
            + "examples +\(examplesAdded) ~\(examplesUpdated) -\(examplesRemoved)"
    }
}
