/// The rule for text the store keeps (messages, replies, templates): it is kept exactly as
/// received, so text SQLite cannot keep exactly — text holding U+0000 (NUL), at which SQLite
/// text ends when read back — is refused, not truncated.
public enum StoredText {
    /// Text the store refuses, and why.
    public struct Refused: Error, Equatable, CustomStringConvertible {
        /// Where the NUL is (0-based, in Unicode scalars).
        public var offset: Int
        public var description: String { "the text holds a NUL character (U+0000) at offset \(offset): not stored" }
    }

    /// Throws `Refused` when `text` holds a NUL.
    public static func check(_ text: String) throws(Refused) {
        if let offset = text.unicodeScalars.firstIndex(of: "\u{0}") {
            throw Refused(offset: text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset))
        }
    }
}
