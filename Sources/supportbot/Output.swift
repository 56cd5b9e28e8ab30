import Assistant
import Foundation

/// Human-readable command output: each line made visible (`VisibleText`), so no control
/// character from stored or given text reaches a terminal; `--json` output is `JSONLine`'s.
enum Output {
    /// Prints `text`, line by line, each line made visible.
    static func print(_ text: String) {
        Swift.print(visible(text))
    }

    /// Prints one row of tab-separated fields, each made visible (a field's own tabs and
    /// line breaks show as `^I`, `^J`: one record stays one line).
    static func row(_ fields: [String]) {
        Swift.print(fields.map(VisibleText.make).joined(separator: "\t"))
    }

    /// `text` with its line breaks kept and everything else made visible.
    static func visible(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.make(String($0)) }.joined(
            separator: "\n")
    }

    /// Writes one line to standard error, made visible.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }
}
