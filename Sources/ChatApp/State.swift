import Assistant

/// Everything the terminal UI shows, in one value.
public struct State: Sendable, Equatable {
    /// The screen shown.
    public var page: Page = .chat
    /// The terminal's columns.
    public var width: Int
    /// The terminal's rows.
    public var height: Int
    /// Whether colours are used (off with `NO_COLOR` or on monochrome terminals).
    public var colors: Bool
    /// The session shown on the status line.
    public var session: SessionInfo
    /// A window of the conversation's transcript lines, oldest first (at most `transcriptLimit`).
    public var transcript: [TranscriptLine] = []
    /// Rows scrolled up from the transcript's end.
    public var scroll = 0
    /// Whether older lines of this conversation wait in the store (dropped from memory).
    public var earlierInStore = false
    /// Whether newer lines of this conversation wait in the store (dropped to load older ones).
    public var laterInStore = false
    /// Whether a page of stored lines was asked for and has not come yet.
    public var awaitingPage = false
    /// Where keys go on the Chat screen.
    public var focus: ChatFocus = .input
    /// The input line.
    public var input = LineEditor()
    /// Lines sent before.
    public var history = InputHistory()
    /// The live analysis of the draft, when it matches the input.
    public var analysis: DraftAnalysis?
    /// How the bot answered the last customer message.
    public var decision: BotReply?
    /// Whether the agent has taken over: input is logged as the agent's reply.
    public var agentMode = false
    /// While an agent holds the conversation: whether what is typed is the customer's line
    /// (logged, the bot stays quiet) rather than the agent's reply (Ctrl-O switches).
    public var typingAsCustomer = false
    /// The explanation of the transcript turn selected, once loaded.
    public var insight: TurnInsight?
    /// The stored conversation shown read-only (reopened from Conversations); nil while chatting.
    public var viewing: ConversationSummary?
    /// The relabel picker, when open.
    public var picker: IntentPicker?
    /// The Review screen.
    public var review = ReviewState()
    /// The Templates screen.
    public var templates = TemplatesState()
    /// The Conversations screen.
    public var conversations = ConversationsState()
    /// The Models screen.
    public var models = ModelsState()
    /// The background retrain and its promote prompt.
    public var retrain = RetrainState()
    /// The Monitor screen.
    public var monitor = MonitorState()
    /// Rows scrolled on the Help screen.
    public var helpScroll = 0
    /// The notice shown, if any (see `Notice`).
    public var notice: Notice?
    /// The serial number of the last notice raised.
    public var noticeSerial = 0
    /// Set once the user asked to leave.
    public var quitting = false
    /// While a scripted demo plays: its status and caption, drawn above the page.
    public var demo: DemoOverlay?

    /// The transcript lines kept in memory; older ones stay in the store.
    public static let transcriptLimit = 1000

    /// The state at start-up.
    public init(width: Int, height: Int, colors: Bool, session: SessionInfo) {
        self.width = width
        self.height = height
        self.colors = colors
        self.session = session
    }
}
