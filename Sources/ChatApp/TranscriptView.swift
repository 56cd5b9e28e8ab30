import Assistant

/// The transcript: each line wrapped under its speaker's prefix, newest at the bottom, scrolled.
struct TranscriptView {
    let state: State
    let theme: Theme

    /// One screen row of the transcript.
    private struct Row {
        var prefix: String
        var text: String
        var note: String
        var style: Style
        var line: Int
    }

    /// The speaker's prefix of a line (every transcript-like list uses these).
    static let prefixes: [TurnRole?: String] = [
        .customer: "cust › ", .bot: "bot  › ", .agent: "agent› ", nil: "    · ",
    ]
    private static let prefixWidth = 7

    func draw(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0, rect.width > Self.prefixWidth + 1 else { return }
        if state.transcript.isEmpty {
            let hint = "Type what the customer says and press Enter. F1: help."
            for (i, line) in TextLayout.wrap(hint, width: rect.width - 2).prefix(rect.height).enumerated() {
                screen.put(line, row: rect.top + i, column: rect.left + 1, style: theme.dim)
            }
            return
        }
        var selected: Int?
        if case .transcript(let s) = state.focus { selected = s }
        var rows: [Row] = []
        var index = state.transcript.count - 1
        while index >= 0, rows.count < state.scroll + rect.height || (selected.map { index >= $0 } ?? false) {
            rows.insert(contentsOf: self.rows(for: index, width: rect.width), at: 0)
            index -= 1
        }
        var end = min(rows.count, max(rect.height, rows.count - state.scroll))
        let selectedRows = rows.indices.filter { rows[$0].line == selected }
        if let first = selectedRows.first, let last = selectedRows.last {
            if last >= end { end = last + 1 }
            if first < end - rect.height { end = first + rect.height }
        }
        let visible = rows[max(0, end - rect.height)..<end]
        for (i, row) in visible.enumerated() {
            let y = rect.top + i
            let isSelected = row.line == selected
            if isSelected { screen.fill(row: y, column: rect.left, count: rect.width, style: theme.selected) }
            var x = screen.put(row.prefix, row: y, column: rect.left, style: isSelected ? theme.selected : theme.label)
            x = screen.put(
                row.text, row: y, column: x, style: isSelected ? theme.selected : row.style, limit: rect.right - x)
            if !row.note.isEmpty {
                screen.put(
                    row.note, row: y, column: x, style: isSelected ? theme.selected : theme.dim, limit: rect.right - x)
            }
        }
        if end < rows.count || state.laterInStore {
            screen.put(" ↓ more ", row: rect.bottom - 1, column: rect.right - 8, style: theme.warning)
        }
    }

    /// The rows of transcript line `index` wrapped to `width`, with the bot's intent as a note.
    private func rows(for index: Int, width: Int) -> [Row] {
        let line = state.transcript[index]
        let (texts, notes) = Self.wrap(line, width: width)
        return texts.indices.map { i in
            Row(
                prefix: i == 0 ? Self.prefixes[line.role]! : String(repeating: " ", count: Self.prefixWidth),
                text: texts[i], note: notes[i], style: theme.style(for: line.role), line: index)
        }
    }

    /// How many rows `lines` take in a transcript `width` columns wide.
    static func rowCount(of lines: some Sequence<TranscriptLine>, width: Int) -> Int {
        let width = max(width, prefixWidth + 2)
        return lines.reduce(0) { $0 + wrap($1, width: width).texts.count }
    }

    /// `line`'s text wrapped beside its prefix, and the note (a bot's intent) ending each row.
    private static func wrap(_ line: TranscriptLine, width: Int) -> (texts: [String], notes: [String]) {
        let room = width - prefixWidth
        var texts = TextLayout.wrap(line.text, width: room)
        var note = ""
        if line.role == .bot, let intent = line.intent {
            note =
                " [" + (line.fallback ? "fallback " : "") + intent
                + (line.confidence.map { " " + Format.percent($0) } ?? "")
                + (line.label.map { $0 == intent ? " ✓" : " → " + $0 } ?? "") + "]"
            note = TextLayout.truncate(note, to: room)
        }
        var notes = Array(repeating: "", count: texts.count)
        if !note.isEmpty {
            if TextWidth.of(texts[texts.count - 1]) + TextWidth.of(note) <= room {
                notes[notes.count - 1] = note
            } else {
                texts.append("")
                notes.append(note)
            }
        }
        return (texts, notes)
    }
}
