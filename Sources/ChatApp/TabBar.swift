/// The top row: the product name, the pages with their function keys, and the take-over badge.
struct TabBar {
    let state: State
    let theme: Theme

    private static let shortTitles: [Page: String] = [
        .help: "Help", .chat: "Chat", .review: "Rev", .templates: "Tmpl", .monitor: "Mon", .conversations: "Conv",
        .models: "Mod",
    ]
    private static let order: [Page] = [.help, .chat, .review, .templates, .monitor, .conversations, .models]

    func draw(into screen: inout Screen) {
        screen.fill(row: 0, column: 0, count: screen.width, style: theme.bar)
        let badge = state.agentMode ? " AGENT " : ""
        let room = screen.width - TextWidth.of(badge)
        let full = Self.order.map { " F\($0.functionKey) \($0.title) " }
        let short = Self.order.map { "F\($0.functionKey)\(Self.shortTitles[$0]!) " }
        let brand = " SupportBot "
        var tabs = full
        var x = 0
        if TextWidth.of(brand + full.joined()) <= room {
            x = screen.put(
                brand, row: 0, column: 0,
                style: Style(
                    foreground: theme.bar.foreground, background: theme.bar.background, bold: true,
                    reverse: theme.bar.reverse))
        } else if TextWidth.of(full.joined()) > room {
            tabs = short
        }
        for (page, title) in zip(Self.order, tabs) {
            x = screen.put(
                title, row: 0, column: x, style: page == state.page ? theme.activeTab : theme.bar,
                limit: max(0, room - x))
        }
        if !badge.isEmpty { screen.put(badge, row: 0, column: screen.width - TextWidth.of(badge), style: theme.badge) }
    }
}
