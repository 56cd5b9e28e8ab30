/// Draws the whole state into `screen` (cleared first): tab bar, page, notice, status line, picker.
public func render(_ state: State, into screen: inout Screen) {
    screen = Screen(width: screen.width, height: screen.height)
    guard screen.width > 0, screen.height > 0 else { return }
    let theme = Theme(colors: state.colors)
    TabBar(state: state, theme: theme).draw(into: &screen)
    let body = Rect.body(width: screen.width, height: screen.height)
    switch state.page {
    case .chat: ChatView(state: state, theme: theme).draw(in: body, into: &screen)
    case .review: ReviewView(state: state, theme: theme).draw(in: body, into: &screen)
    case .templates: TemplatesView(state: state, theme: theme).draw(in: body, into: &screen)
    case .monitor: MonitorView(state: state, theme: theme).draw(in: body, into: &screen)
    case .help: HelpView(state: state, theme: theme).draw(in: body, into: &screen)
    }
    if let notice = state.notice, screen.height >= 3 {
        let row = screen.height - (state.page == .chat ? 3 : 2)
        screen.fill(row: row, column: 0, count: screen.width, style: theme.notice)
        screen.put(" " + notice, row: row, column: 0, style: theme.notice)
    }
    StatusBar(state: state, theme: theme).draw(into: &screen)
    if let picker = state.picker { PickerView(picker: picker, theme: theme).draw(into: &screen) }
}
