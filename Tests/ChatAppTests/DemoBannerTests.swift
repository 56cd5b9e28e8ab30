import Assistant
import ChatApp
import SupportBotTestSupport
import Testing

/// The demo's banner: the status tag, then the caption on at most three rows, cut with ….
@Suite struct DemoBannerTests {
    func frame(caption: String, status: String = "END · ← again · F9 live · F10 quits") -> [String] {
        var state = State(width: 80, height: 24, colors: false, session: Fixtures.session)
        state.demo = DemoOverlay(status: status, caption: caption)
        var screen = Screen(width: state.width, height: state.height)
        render(state, into: &screen)
        return screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aLongCaptionTakesThreeRowsAndEndsInAnEllipsis() {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let rows = frame(caption: words)
        #expect(rows[1].hasPrefix(" END · ← again") && rows[1].contains("word1 "))
        #expect(rows[3].hasSuffix("…") && !rows[4].contains("word"))
        #expect(!rows.joined().contains("word40"))
    }

    @Test func aCaptionThatFitsIsShownWhole() {
        let caption = "这就是 SupportBot：听懂各种问法、守住范围、回退与转人工、重新标注、监控。"
        let rows = frame(caption: caption)
        #expect(rows[1...3].joined().filter { $0 != " " }.contains("监控。"))
        #expect(!rows[1...3].joined().contains("…"))
    }
}
