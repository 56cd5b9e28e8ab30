import Assistant

/// The bottom row: conversation, model, what happened to the last line, agent, and key hints for the page.
struct StatusBar {
    let state: State
    let theme: Theme

    func draw(into screen: inout Screen) {
        let row = screen.height - 1
        guard row >= 1 else { return }
        screen.fill(row: row, column: 0, count: screen.width, style: theme.bar)
        let conversation = state.viewing.map { "conv \($0.id) read-only" } ?? "conv \(state.session.conversation)"
        var parts = [conversation, "model \(state.session.model)"]
        if let d = state.decision {
            parts.append(
                d.outcome == .quiet
                    ? d.outcome.shortSummary : d.outcome.shortSummary + " " + Format.milliseconds(d.latencyMilliseconds)
            )
        }
        parts.append("agent \(state.session.agent)")
        if let retraining = state.retrain.summary { parts.append(retraining) }
        if state.viewing == nil, !state.session.slots.isEmpty {
            parts.append(
                "slots "
                    + state.session.slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                        separator: " "))
        }
        let info = " " + parts.joined(separator: " │ ")
        let x = screen.put(info, row: row, column: 0, style: theme.bar)
        let hints = "  " + hint
        if x + 12 <= screen.width {
            screen.put(TextLayout.truncate(hints, to: screen.width - x), row: row, column: x, style: theme.bar)
        }
    }

    /// The hints of the scope the keys go to, then the global ones.
    private var hint: String {
        let scope = state.keyScope
        let takeOver = state.agentMode && scope == .chat
        return [Keymap.hints(for: scope, takeOver: takeOver), Keymap.hints(for: .global, takeOver: takeOver)]
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
