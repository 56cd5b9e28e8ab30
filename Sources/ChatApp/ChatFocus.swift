/// Where keys go on the Chat screen.
public enum ChatFocus: Sendable, Equatable {
    /// The input line.
    case input
    /// The transcript, with a turn selected (index into the transcript).
    case transcript(selected: Int)
}
