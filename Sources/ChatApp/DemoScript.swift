/// A parsed demo script: its steps in order, each with the line it came from.
public struct DemoScript: Sendable, Equatable {
    /// A step and where it was written.
    public struct Entry: Sendable, Equatable {
        /// What to do.
        public var step: DemoStep
        /// Its line in the file, from 1.
        public var line: Int

        /// An entry of `step` written on `line`.
        public init(_ step: DemoStep, line: Int) {
            self.step = step
            self.line = line
        }
    }

    /// The file name used in messages and frame headers.
    public var file: String
    /// The steps, never empty.
    public var entries: [Entry]

    /// A script of `entries` read from `file`.
    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Where entry `index` was written, as `FILE:LINE`.
    public func location(of index: Int) -> String { "\(file):\(entries[index].line)" }

    /// Checks what needs the model before anything is drawn: every relabel names one of `intents`.
    public func check(intents: [String]) throws(DemoScriptError) {
        for entry in entries {
            guard case .relabel(let intent) = entry.step, !intents.contains(intent) else { continue }
            throw DemoScriptError(file: file, line: entry.line, "relabel: no intent \"\(intent)\" in this model")
        }
    }
}
