/// What a key does. `Keymap` binds keys to commands, scope by scope; `State.perform` carries
/// them out (what a generic command such as `.moveDown` moves depends on the scope).
public enum Command: Sendable, Equatable, Hashable {
    /// Show a screen.
    case open(Page)
    /// Leave the program.
    case quit
    /// Close what is open, or go back to Chat.
    case back
    /// Move the highlight one row up / down, a page up / down, to the first / last row.
    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Scroll the transcript a few rows (the wheel).
    case scrollUp, scrollDown
    /// Send the input line.
    case send
    /// The previous / next line of the input history.
    case historyOlder, historyNewer
    /// Select a transcript turn (its explanation shows in the panel).
    case selectTurn
    /// Relabel the last bot turn, or the selected turn.
    case relabel
    /// Take the conversation over, or give it back.
    case takeOver
    /// While an agent holds it: type as the customer, or as the agent again.
    case typeAsCustomer
    /// Confirm: the predicted intent (Review), the highlighted intent (picker), the variant (editor).
    case confirm
    /// Open the relabel picker on the highlighted item.
    case pick
    /// Label the highlighted turn out of scope.
    case outOfScope
    /// Discard the highlighted turn: not an example, not counted.
    case discard
    /// Undo the last label event of this session.
    case undo
    /// Skip the highlighted turn (stored: it leaves the queue).
    case skip
    /// Load the screen's data again.
    case reload
    /// Go into the reply variants (Templates), or edit the highlighted one.
    case enter
    /// Back to the intents (Templates).
    case leave
    /// Add a reply variant.
    case add
    /// Edit the highlighted reply variant.
    case editVariant
    /// Delete the highlighted item (twice to confirm).
    case delete
    /// The previous / next period (Monitor).
    case previousPeriod, nextPeriod
    /// Continue the highlighted conversation (Conversations).
    case resume
    /// Promote the highlighted model version / roll back to the previous one (Models); promote the
    /// retrained one (its prompt).
    case promote, rollback
    /// Compare the highlighted model version with the active one (Models).
    case diff
    /// Retrain in the background on the store's examples (Review, Models).
    case retrain
    /// An editing key of a text field.
    case text(EditCommand)
}

/// What an editing key does to a `LineEditor`.
public enum EditCommand: Sendable, Equatable, Hashable {
    /// Move the cursor one character left / right, to the start / end, a word left / right.
    case left, right, start, end, wordLeft, wordRight
    /// Delete the character before / under the cursor.
    case deleteBackward, deleteForward
    /// Delete to the end / the start of the line.
    case killToEnd, killToStart
    /// Delete the word before the cursor / after it.
    case deleteWordBackward, deleteWordForward
}
