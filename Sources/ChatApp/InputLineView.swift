/// The input line: a prompt, the text scrolled sideways to keep the cursor in view, the cursor.
struct InputLineView {
    let state: State
    let theme: Theme

    func draw(row: Int, width: Int, into screen: inout Screen) {
        let prompt = state.agentMode ? "agent› " : "› "
        let x0 = screen.put(prompt, row: row, column: 0, style: state.agentMode ? theme.agent : theme.label)
        let room = width - x0
        guard room > 1 else { return }
        let active = state.focus == .input && state.picker == nil
        if state.input.characters.isEmpty, active {
            let placeholder = state.agentMode ? "your reply to the customer" : "type a customer message · /help"
            screen.put(placeholder, row: row, column: x0 + 1, style: theme.dim, limit: room - 1)
        }
        let cursor = screen.edit(state.input, row: row, column: x0, width: room)
        if active { screen.cursor = cursor }
    }
}
