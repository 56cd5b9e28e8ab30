import ChatApp
import Testing

/// `render` snapshots of every screen at 80×24, 120×40 and 40×12 with CJK and emoji text.
@Suite struct RenderSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    func snapshot(_ state: State, _ name: String) throws {
        var screen = Screen(width: state.width, height: state.height)
        render(state, into: &screen)
        try assertSnapshot(screen, named: "\(name)-\(state.width)x\(state.height)")
    }

    @Test(arguments: sizes) func chat(width: Int, height: Int) throws {
        try snapshot(Fixtures.filled(.chat, width: width, height: height), "chat")
    }

    @Test(arguments: sizes) func chatEmpty(width: Int, height: Int) throws {
        try snapshot(Fixtures.state(width: width, height: height), "chat-empty")
    }

    @Test(arguments: sizes) func relabelPicker(width: Int, height: Int) throws {
        var state = Fixtures.filled(.chat, width: width, height: height)
        state.picker = IntentPicker(
            turn: 2, position: 3, text: Fixtures.transcript[2].text, intents: Fixtures.intents, current: "refund")
        state.picker?.filter = LineEditor("r")
        state.picker?.selected = 0
        try snapshot(state, "picker")
    }

    @Test(arguments: sizes) func takeOver(width: Int, height: Int) throws {
        var state = Fixtures.filled(.chat, width: width, height: height)
        state.agentMode = true
        state.input = LineEditor("稍等，我帮您查一下 🙏")
        state.notice = Notice(text: "take-over: you answer the customer yourself", page: .chat, serial: 1)
        try snapshot(state, "takeover")
    }

    @Test(arguments: sizes) func review(width: Int, height: Int) throws {
        try snapshot(Fixtures.filled(.review, width: width, height: height), "review")
    }

    @Test(arguments: sizes) func templates(width: Int, height: Int) throws {
        var state = Fixtures.filled(.templates, width: width, height: height)
        state.templates.inVariants = true
        state.templates.selectedVariant = 1
        state.templates.editor = LineEditor("订单 {{order_id}} 已发货 🚚")
        state.templates.editing = 2
        try snapshot(state, "templates")
    }

    @Test(arguments: sizes) func monitor(width: Int, height: Int) throws {
        try snapshot(Fixtures.filled(.monitor, width: width, height: height), "monitor")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) throws {
        try snapshot(Fixtures.filled(.help, width: width, height: height), "help")
    }
}

/// Monochrome (`NO_COLOR`): attributes only, so the style layer shows them without colours.
@Suite struct MonochromeSnapshotTests {
    @Test func chat() throws {
        var state = Fixtures.filled(.chat, width: 80, height: 24)
        state.colors = false
        state.notice = Notice(text: "turn 2 labeled refund", page: .chat, serial: 1)
        var screen = Screen(width: 80, height: 24)
        render(state, into: &screen)
        try assertSnapshot(screen, named: "chat-mono-80x24")
    }
}
