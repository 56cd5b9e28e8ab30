/// The Chat screen: transcript, intent panel beside it (wide terminals) or under it, input line.
struct ChatView {
    let state: State
    let theme: Theme

    /// Terminals at least this wide show the intent panel beside the transcript.
    static let sideBySideWidth = 90

    func draw(in body: Rect, into screen: inout Screen) {
        guard body.height >= 1 else { return }
        let inputRow = body.bottom - 1
        let (transcript, panel) = Self.layout(in: body)
        if body.width >= Self.sideBySideWidth {
            for row in transcript.top..<transcript.bottom {
                screen.put("│", row: row, column: transcript.right, style: theme.border)
            }
        }
        TranscriptView(state: state, theme: theme).draw(in: transcript, into: &screen)
        IntentPanelView(state: state, theme: theme, sideBySide: body.width >= Self.sideBySideWidth).draw(
            in: panel, into: &screen)
        InputLineView(state: state, theme: theme).draw(row: inputRow, width: body.width, into: &screen)
    }

    /// Where the transcript and the intent panel go in `body` (above the input line).
    static func layout(in body: Rect) -> (transcript: Rect, panel: Rect) {
        let area = Rect(left: body.left, top: body.top, width: body.width, height: body.height - 1)
        if body.width >= sideBySideWidth {
            let panelWidth = min(52, max(34, body.width * 2 / 5))
            let transcript = Rect(
                left: area.left, top: area.top, width: area.width - panelWidth - 1, height: area.height)
            return (transcript, Rect(left: transcript.right + 1, top: area.top, width: panelWidth, height: area.height))
        }
        let panelHeight = area.height >= 6 ? min(10, max(3, area.height / 2)) : 0
        let transcript = Rect(left: area.left, top: area.top, width: area.width, height: area.height - panelHeight)
        return (transcript, Rect(left: area.left, top: transcript.bottom, width: area.width, height: panelHeight))
    }
}
