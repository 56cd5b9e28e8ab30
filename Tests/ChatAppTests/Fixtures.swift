import ChatApp
@testable import IntentModel

/// Sample states for the tests: a conversation in English, Chinese and emoji.
enum Fixtures {
    static let intents = ["cancel_order", "greet", "order_status", "refund", "shipping_address", "订单查询"]

    static let session = SessionInfo(conversation: "42", model: "default-v3", agent: "李雷", intents: intents)

    static func state(width: Int = 80, height: Int = 24, colors: Bool = true) -> State {
        State(width: width, height: height, colors: colors, session: session)
    }

    static let transcript: [TranscriptLine] = [
        TranscriptLine(role: .customer, text: "hi, where is my order #1234? it was due on Monday 📦", turn: 1),
        TranscriptLine(role: .bot, text: "Your order 1234 is on its way and should arrive tomorrow.", turn: 1, intent: "order_status", confidence: 0.91),
        TranscriptLine(role: .customer, text: "我的订单还没到，我要退款 🙁", turn: 2),
        TranscriptLine(role: .bot, text: "很抱歉！退款会在 3–5 个工作日内退回到您的账户。", turn: 2, intent: "refund", confidence: 0.62),
        TranscriptLine(role: .customer, text: "evil \u{1B}[2J text\u{07} here", turn: 3),
        TranscriptLine(role: .bot, text: "Sorry, I did not understand. Could you rephrase that?", turn: 3, intent: "greet", confidence: 0.21, fallback: true),
        TranscriptLine(role: .agent, text: "Hi, I am 李雷 from support 👋 — let me check that for you."),
    ]

    static let analysis = DraftAnalysis(
        text: "where is my ordr 订单",
        prediction: Prediction(
            tokens: ["where", "is", "my", "ordr", "订", "单"], unknown: [false, false, false, true, false, false],
            ranked: [
                IntentScore(intent: "order_status", confidence: 0.72), IntentScore(intent: "订单查询", confidence: 0.15),
                IntentScore(intent: "refund", confidence: 0.06), IntentScore(intent: "cancel_order", confidence: 0.04),
                IntentScore(intent: "greet", confidence: 0.02), IntentScore(intent: "shipping_address", confidence: 0.01),
            ]
        ),
        importance: [0.12, 0.01, 0.03, 0.40, 0.08, 0.05]
    )

    static let decision = Decision(intent: "refund", confidence: 0.62, threshold: 0.45, fallback: false, latencyMilliseconds: 1.4)

    static let review: [ReviewItem] = [
        ReviewItem(turn: 3, text: "evil \u{1B}[2J text", intent: "greet", confidence: 0.21, fallback: true),
        ReviewItem(turn: 2, text: "我的订单还没到，我要退款 🙁", intent: "refund", confidence: 0.62, fallback: false),
        ReviewItem(turn: 1, text: "hi, where is my order #1234?", intent: "order_status", confidence: 0.91, fallback: false),
    ]

    static let templates: [TemplateItem] = [
        TemplateItem(intent: "cancel_order", variants: []),
        TemplateItem(intent: "order_status", variants: [
            TemplateVariant(id: 1, text: "Your order {{order_id}} is on its way 🚚 and should arrive {{eta}}."),
            TemplateVariant(id: 2, text: "订单 {{order_id}} 已发货，预计 {{eta}} 送达。"),
        ]),
        TemplateItem(intent: "refund", variants: [TemplateVariant(id: 3, text: "I have started your refund; it takes 3–5 working days.")]),
    ]

    static let monitor = MonitorFigures(
        turns: 1234, conversations: 210, fallbackRate: 0.125, handoffRate: 0.071, averageConfidence: 0.743,
        confidenceHistogram: [3, 5, 9, 20, 41, 60, 95, 180, 320, 501],
        intentMix: [IntentCount(intent: "order_status", count: 520), IntentCount(intent: "refund", count: 300), IntentCount(intent: "订单查询", count: 250), IntentCount(intent: "greet", count: 164)],
        latency: [0.8, 1.9, 4.2], labeled: 150, liveAccuracy: 0.867
    )

    /// A state on `page` filled with every kind of sample data.
    static func filled(_ page: Page, width: Int, height: Int) -> State {
        var state = state(width: width, height: height)
        state.page = page
        state.transcript = transcript
        state.input = LineEditor("where is my ordr 订单")
        state.analysis = analysis
        state.decision = decision
        state.review.items = review
        state.review.total = review.count
        state.review.loaded = true
        state.templates.items = templates
        state.templates.selectedIntent = 1
        state.monitor = monitor
        return state
    }
}
