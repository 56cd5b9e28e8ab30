/// Guesses a message's language from its script: enough to pick a reply template.
public enum LanguageDetector {
    /// `zh` for Han characters, `ja` for kana, `ko` for Hangul, else `en`.
    public static func language(of text: String) -> String {
        var han = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF: return "ja"
            case 0xAC00...0xD7AF, 0x1100...0x11FF: return "ko"
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF: han = true
            default: continue
            }
        }
        return han ? "zh" : "en"
    }
}
