/// One line of the keymap: the keys, where they apply, what they do, and how Help and the
/// hint lines name them.
public struct KeyBinding: Sendable, Equatable {
    /// The keys that run the command (any of them).
    public var keys: [Key]
    /// Where they apply.
    public var scope: KeyScope
    /// What they do.
    public var command: Command
    /// The keys as Help shows them (`Ctrl-R`, `↑↓`).
    public var label: String
    /// What they do, as Help says it.
    public var help: String
    /// The few words of the hint lines; nil keeps the binding off them.
    public var hint: String?
    /// The hint while an agent holds the conversation, when it differs (`give back` for Ctrl-T);
    /// on the Chat screen in take-over only bindings with one are hinted.
    public var takeOverHint: String?

    /// A binding; `hint` (and `takeOverHint`) put it on the scope's hint line.
    public init(
        _ keys: [Key], _ scope: KeyScope, _ command: Command, label: String, help: String, hint: String? = nil,
        takeOverHint: String? = nil
    ) {
        self.keys = keys
        self.scope = scope
        self.command = command
        self.label = label
        self.help = help
        self.hint = hint
        self.takeOverHint = takeOverHint
    }

    /// The label as the hint lines abbreviate it (`^R` for `Ctrl-R`).
    public var shortLabel: String {
        label.replacing("Ctrl-", with: "^")
    }
}
