import Assistant

/// The bottom row: conversation, model, what happened to the last line, agent, and key hints for the page.
struct StatusBar {
    let state: State
    let theme: Theme

    func draw(into screen: inout Screen) {
        let row = screen.height - 1
        guard row >= 1 else { return }
        screen.fill(row: row, column: 0, count: screen.width, style: theme.bar)
        var parts = ["conv \(state.session.conversation)", "model \(state.session.model)"]
        if let d = state.decision {
            parts.append(d.outcome == .quiet ? d.outcome.shortSummary : d.outcome.shortSummary + " " + Format.milliseconds(d.latencyMilliseconds))
        }
        parts.append("agent \(state.session.agent)")
        let info = " " + parts.joined(separator: " │ ")
        let x = screen.put(info, row: row, column: 0, style: theme.bar)
        let hints = "  " + hint
        if x + 12 <= screen.width { screen.put(TextLayout.truncate(hints, to: screen.width - x), row: row, column: x, style: theme.bar) }
    }

    private var hint: String {
        if state.picker != nil { return "type to filter · ↑↓ · Enter choose · Esc cancel" }
        switch state.page {
        case .chat:
            guard state.focus == .input else { return "↑↓ turn · Enter relabel · Esc back" }
            return state.agentMode ? "^T give back · ^O as customer · ^R relabel · F10 quit"
                : "F1 help · ^R relabel · ^T take over · Tab pick turn · F10 quit"
        case .review: return "Enter confirm · p pick · s skip · Esc back"
        case .templates: return "a add · e edit · d delete · Esc back"
        case .monitor: return "r refresh · Esc back"
        case .help: return "↑↓ scroll · Esc back"
        }
    }
}
