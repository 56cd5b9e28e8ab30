import ChatApp
import Foundation
import Testing

/// Compares a rendered screen with `__Snapshots__/NAME.txt`. `SNAPSHOT_RECORD=1` rewrites the
/// file instead, except when `CI=true`: there a missing or different snapshot always fails.
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name + ".txt")
    let environment = ProcessInfo.processInfo.environment
    let actual = screen.text + "\n"
    if environment["SNAPSHOT_RECORD"] == "1", environment["CI"] != "true" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(file.path); run with SNAPSHOT_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}
