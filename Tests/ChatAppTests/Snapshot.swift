import ChatApp
import Foundation
import Testing

/// Compares a rendered screen with two snapshot layers: `__Snapshots__/NAME.txt` (the text) and
/// `__Snapshots__/NAME.styles.txt` (each cell's style as a letter, with a legend), so a colour
/// or attribute regression shows as well as a text one. `SNAPSHOT_RECORD=1` rewrites the files
/// instead, except when `CI=true`: there a missing or different snapshot always fails.
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try assertSnapshotLayer(screen.text + "\n", file: name + ".txt", sourceLocation: sourceLocation)
    try assertSnapshotLayer(styleLayer(of: screen), file: name + ".styles.txt", sourceLocation: sourceLocation)
}

private func assertSnapshotLayer(_ actual: String, file name: String, sourceLocation: SourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name)
    let environment = ProcessInfo.processInfo.environment
    if environment["SNAPSHOT_RECORD"] == "1", environment["CI"] != "true" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            "missing snapshot \(file.path); run with SNAPSHOT_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}

/// The screen's styles: one letter per column (`.` for plain; both halves of a wide cell get
/// its letter), letters given in order of first appearance, then a legend naming each style.
func styleLayer(of screen: Screen) -> String {
    var letters: [Style: Character] = [.plain: "."]
    var legend: [String] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var rows: [String] = []
    for row in 0..<screen.height {
        var line = ""
        for column in 0..<screen.width {
            let style = screen[row, column].style
            if letters[style] == nil {
                let letter = alphabet[min(legend.count, alphabet.count - 1)]
                letters[style] = letter
                legend.append("\(letter) \(describe(style))")
            }
            line.append(letters[style]!)
        }
        while line.last == "." { line.removeLast() }
        rows.append(line)
    }
    return (rows + ["--"] + legend).joined(separator: "\n") + "\n"
}

/// A style in words: `fg=cyan bg=blue bold reverse underline dim`.
private func describe(_ style: Style) -> String {
    var words: [String] = []
    if let foreground = style.foreground { words.append("fg=\(foreground)") }
    if let background = style.background { words.append("bg=\(background)") }
    if style.bold { words.append("bold") }
    if style.reverse { words.append("reverse") }
    if style.underline { words.append("underline") }
    if style.dim { words.append("dim") }
    return words.isEmpty ? "plain" : words.joined(separator: " ")
}
