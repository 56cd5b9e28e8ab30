/// What importing examples into the store did.
public struct ImportSummary: Sendable, Equatable, Encodable {
    /// A text found under more than one intent (in the store or the import).
    public struct Conflict: Sendable, Equatable, Encodable {
        /// The text as imported.
        public var text: String
        /// Every intent it has now, sorted.
        public var intents: [String]
        /// Where the import had it (`file:line`).
        public var source: String
    }

    /// Examples added.
    public var added = 0
    /// Rows already present (same normalised text and intent), not added again.
    public var duplicates = 0
    /// Intents created (`--create-intents`), sorted.
    public var intentsCreated: [String] = []
    /// Texts under two intents.
    public var conflicts: [Conflict] = []

    /// Empty.
    public init() {}
}
