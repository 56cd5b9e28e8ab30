/// Draws the whole state into `screen` (cleared first): tab bar, page, the notice on its own
/// row, status line, picker, promote prompt.
public func render(_ state: State, into screen: inout Screen) {
    screen = Screen(width: screen.width, height: screen.height)
    guard screen.width > 0, screen.height > 0 else { return }
    let theme = Theme(colors: state.colors)
    TabBar(state: state, theme: theme).draw(into: &screen)
    let notice = state.visibleNotice
    let (banner, body) = DemoBanner.layout(
        state.demo, in: .body(width: screen.width, height: screen.height, notice: notice != nil))
    if let demo = state.demo { DemoBanner(overlay: demo, theme: theme).draw(in: banner, into: &screen) }
    switch state.page {
    case .chat: ChatView(state: state, theme: theme).draw(in: body, into: &screen)
    case .review: ReviewView(state: state, theme: theme).draw(in: body, into: &screen)
    case .templates: TemplatesView(state: state, theme: theme).draw(in: body, into: &screen)
    case .monitor: MonitorView(state: state, theme: theme).draw(in: body, into: &screen)
    case .conversations: ConversationsView(state: state, theme: theme).draw(in: body, into: &screen)
    case .models: ModelsView(state: state, theme: theme).draw(in: body, into: &screen)
    case .help: HelpView(state: state, theme: theme).draw(in: body, into: &screen)
    }
    if let notice, screen.height >= 4 {
        let style = notice.isError ? theme.error : theme.notice
        screen.fill(row: screen.height - 2, column: 0, count: screen.width, style: style)
        screen.put(
            TextLayout.truncate(" " + notice.text, to: screen.width), row: screen.height - 2, column: 0, style: style)
    }
    StatusBar(state: state, theme: theme).draw(into: &screen)
    if let picker = state.picker { PickerView(picker: picker, theme: theme).draw(into: &screen) }
    if let outcome = state.retrain.prompt { RetrainPromptView(outcome: outcome, theme: theme).draw(into: &screen) }
}
