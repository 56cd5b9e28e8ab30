/// The one normalisation under which two examples are the same text: case folded,
/// whitespace runs collapsed to one space, ends trimmed. Deduplication, conflicts and the
/// rule "nothing in the evaluation set is trained on" all compare this.
public enum ExampleText {
    /// `text` normalised.
    public static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
