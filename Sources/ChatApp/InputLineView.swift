/// The input line: a prompt, the text scrolled sideways to keep the cursor in view, the cursor.
struct InputLineView {
    let state: State
    let theme: Theme

    func draw(row: Int, width: Int, into screen: inout Screen) {
        let asAgent = state.agentMode && !state.typingAsCustomer
        let prompt = asAgent ? "agent› " : state.agentMode ? "cust› " : "› "
        let x0 = screen.put(
            prompt, row: row, column: 0, style: asAgent ? theme.agent : state.agentMode ? theme.customer : theme.label)
        let room = width - x0
        guard room > 1 else { return }
        let active = state.focus == .input && state.picker == nil
        if state.input.characters.isEmpty, active {
            let placeholder =
                asAgent
                ? "your reply to the customer · ^O type as the customer · ^T give back"
                : state.agentMode
                    ? "the customer's line (an agent holds the conversation) · ^O type as the agent"
                    : "type a customer message · /help"
            screen.put(placeholder, row: row, column: x0 + 1, style: theme.dim, limit: room - 1)
        }
        let cursor = screen.edit(state.input, row: row, column: x0, width: room)
        if active { screen.cursor = cursor }
    }
}
