extension DemoScript {
    /// Screens a script may name; those without a `Page` in this build are refused by name.
    static let screenNames = ["chat", "review", "templates", "monitor", "models", "help"]

    /// The most a `pause` may wait.
    static let longestPause: Duration = .seconds(600)

    /// Parses a script: a step a line (`customer: …`, `agent: …`, `caption: …`, `pause [DURATION]`,
    /// `relabel: INTENT`, `screen: NAME`, `handoff`, `handback`, `new`); blank lines and lines
    /// starting with `#` are skipped. The first malformed line is thrown with its number.
    public static func parse(_ text: String, file: String) throws(DemoScriptError) -> DemoScript {
        var entries: [Entry] = []
        var turns = 0
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, raw) in lines.enumerated() {
            var line = String(raw)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            line = line.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let step = try parseStep(line, file: file, line: index + 1)
            switch step {
            case .customer: turns += 1
            case .newConversation: turns = 0
            case .relabel where turns == 0:
                throw DemoScriptError(
                    file: file, line: index + 1, "relabel: no customer turn before it in this conversation")
            default: break
            }
            entries.append(Entry(step, line: index + 1))
        }
        guard !entries.isEmpty else {
            throw DemoScriptError(file: file, line: nil, "no steps (a step a line, e.g. customer: hello)")
        }
        return DemoScript(file: file, entries: entries)
    }

    /// One non-blank, non-comment line as a step.
    private static func parseStep(_ line: String, file: String, line number: Int) throws(DemoScriptError) -> DemoStep {
        let keyword = String(line.prefix { $0 != ":" && !$0.isWhitespace })
        let rest = line.dropFirst(keyword.count)
        let colon = rest.first == ":"
        let argument = String(colon ? rest.dropFirst() : rest).trimmingSpaces
        func fail(_ message: String) -> DemoScriptError { DemoScriptError(file: file, line: number, message) }
        switch keyword.lowercased() {
        case "customer", "agent", "caption", "relabel", "screen":
            guard colon else { throw fail("\(keyword) needs a colon: \(keyword): …") }
            return try textStep(keyword.lowercased(), argument, fail: fail)
        case "pause":
            guard !colon else { throw fail("pause takes no colon: pause, or pause 2s") }
            guard !argument.isEmpty else { return .pause(nil) }
            guard let duration = duration(argument) else {
                throw fail("pause: \"\(argument)\" is not a duration (e.g. 2s, 1.5s, 500ms)")
            }
            guard duration <= longestPause else { throw fail("pause: \(argument) is longer than 600s") }
            return .pause(duration)
        case "handoff", "handback", "new":
            guard argument.isEmpty, !colon else { throw fail("\(keyword) takes nothing after it") }
            return keyword.lowercased() == "handoff"
                ? .handoff : keyword.lowercased() == "handback" ? .handback : .newConversation
        default:
            throw fail(
                """
                unknown step \"\(keyword)\" (customer:, agent:, caption:, pause, relabel:, screen:, handoff, \
                handback, new; # comments)
                """
            )
        }
    }

    /// A step written as `KEYWORD: TEXT`.
    private static func textStep(_ keyword: String, _ text: String, fail: (String) -> DemoScriptError)
        throws(DemoScriptError) -> DemoStep
    {
        if keyword == "caption" { return .caption(text) }
        guard !text.isEmpty else { throw fail("\(keyword): needs text after the colon") }
        switch keyword {
        case "customer": return .customer(text)
        case "agent": return .agent(text)
        case "relabel":
            guard !text.contains(where: \.isWhitespace) else {
                throw fail("relabel: \"\(text)\" is not an intent name (one word)")
            }
            return .relabel(text)
        default:
            let name = text.lowercased()
            if let page = Page(rawValue: name) { return .screen(page) }
            if screenNames.contains(name) { throw fail("screen: the \(name) screen is not in this build") }
            throw fail("screen: no screen \"\(text)\" (\(Page.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    /// `2s`, `1.5s`, `500ms` as a duration; nil for anything else.
    static func duration(_ text: String) -> Duration? {
        let (digits, scale): (Substring, Double) =
            text.hasSuffix("ms") ? (text.dropLast(2), 0.001) : text.hasSuffix("s") ? (text.dropLast(), 1) : ("", 0)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(digits)
        else { return nil }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }
}
