import Assistant
import ChatApp

/// Sample states for the tests: a conversation in English, Chinese and emoji.
enum Fixtures {
    static let intents = ["cancel_order", "greet", "order_status", "refund", "shipping_address", "订单查询"]

    static let session = SessionInfo(conversation: "42", model: "default-v3", agent: "李雷", intents: intents)

    static func state(width: Int = 80, height: Int = 24, colors: Bool = true) -> State {
        State(width: width, height: height, colors: colors, session: session)
    }

    static let transcript: [TranscriptLine] = [
        TranscriptLine(
            role: .customer, text: "hi, where is my order #1234? it was due on Monday 📦", turn: 1, position: 1),
        TranscriptLine(
            role: .bot, text: "Your order 1234 is on its way and should arrive tomorrow.", turn: 1, position: 1,
            intent: "order_status", confidence: 0.91),
        TranscriptLine(role: .customer, text: "我的订单还没到，我要退款 🙁", turn: 2, position: 3),
        TranscriptLine(
            role: .bot, text: "很抱歉！退款会在 3–5 个工作日内退回到您的账户。", turn: 2, position: 3, intent: "refund", confidence: 0.62),
        TranscriptLine(role: .customer, text: "evil \u{1B}[2J text\u{07} here", turn: 3, position: 5),
        TranscriptLine(
            role: .bot, text: "Sorry, I did not understand. Could you rephrase that?", turn: 3, position: 5,
            intent: "greet", confidence: 0.21, fallback: true),
        TranscriptLine(role: .agent, text: "Hi, I am 李雷 from support 👋 — let me check that for you."),
    ]

    static let analysis = DraftAnalysis(
        text: "where is my ordr 订单",
        prediction: PredictionSummary(
            tokens: ["where", "is", "my", "ordr", "订", "单"], unknown: [false, false, false, true, false, false],
            ranked: [
                .init(intent: "order_status", confidence: 0.72), .init(intent: "订单查询", confidence: 0.15),
                .init(intent: "refund", confidence: 0.06), .init(intent: "cancel_order", confidence: 0.04),
                .init(intent: "greet", confidence: 0.02), .init(intent: "shipping_address", confidence: 0.01),
            ]
        ),
        importance: [0.12, 0.01, 0.03, 0.40, 0.08, 0.05]
    )

    static let decision = BotReply(
        conversation: 42, customerTurn: 2, botTurn: 3, intent: "refund", confidence: 0.62, topIntents: [],
        outcome: .replied,
        threshold: 0.45, text: "很抱歉！", templateID: 3, latencyMicros: 1400, modelVersion: 3
    )

    static let review: [ReviewCandidate] = [
        ReviewCandidate(
            id: 3, conversation: 42, position: 5, text: "evil \u{1B}[2J text", intent: "greet", confidence: 0.21,
            outcome: .fallback
        ),
        ReviewCandidate(
            id: 2, conversation: 42, position: 3, text: "我的订单还没到，我要退款 🙁", intent: "refund", confidence: 0.62,
            outcome: .replied
        ),
        ReviewCandidate(
            id: 1, conversation: 42, position: 1, text: "hi, where is my order #1234?", intent: "order_status",
            confidence: 0.91,
            outcome: .replied
        ),
    ]

    static func template(_ id: Int64, _ intent: String, _ text: String, language: String = "en") -> ResponseTemplate {
        ResponseTemplate(id: id, intent: intent, text: text, language: language, origin: .file)
    }

    static let templates: [IntentTemplates] = [
        IntentTemplates(intent: "cancel_order", variants: []),
        IntentTemplates(
            intent: "order_status",
            variants: [
                template(1, "order_status", "Your order {{order_id}} is on its way 🚚 and should arrive {{eta}}."),
                template(2, "order_status", "订单 {{order_id}} 已发货，预计 {{eta}} 送达。", language: "zh"),
            ]),
        IntentTemplates(
            intent: "refund",
            variants: [template(3, "refund", "I have started your refund; it takes 3–5 working days.")]),
    ]

    /// 154 of 1234 turns fell back (12.5%), 15 of 210 conversations handed off (7.1%), 130 of 140
    /// answered labelled turns agree (92.9%); a week by day, and a drift from a week of refunds.
    static let monitor: StatsReport = {
        var f = StatsFigures()
        (f.customerTurns, f.conversations, f.fallbacks, f.outOfScope) = (1234, 210, 154, 12)
        f.handoffsByReason = [.requested: 9, .repeatedFallback: 4, .agent: 2]
        f.confidenceMean = 0.743
        f.confidenceHistogram = [3, 5, 9, 20, 41, 60, 95, 180, 320, 501]
        f.intents = [
            ("order_status", 520, 40, 60, 57), ("refund", 300, 50, 40, 35), ("订单查询", 250, 30, 30, 28),
            ("greet", 164, 34, 10, 10),
        ]
        .map { name, turns, fallbacks, labelled, correct in
            var i = StatsFigures.IntentFigures(intent: name)
            (i.turns, i.fallbacks, i.labelled, i.correct) = (turns, fallbacks, labelled, correct)
            return i
        }
        f.latency = StatsFigures.Latency(sorted: [800, 1900, 4200])
        (f.labelled, f.answeredLabelled, f.answeredCorrect) = (150, 140, 130)
        (f.tokens, f.unknownTokens) = (5000, 300)
        var before = f
        before.intents = [f.intents[1]]
        before.confidenceMean = 0.81
        let days = (25...30).map { "2026-11-\($0)" } + ["2026-12-01"]
        let series = days.enumerated().map { i, day in
            var point = f
            point.customerTurns = 100 + 20 * i
            point.fallbacks = 10 + i
            return StatsReport.Point(key: day, figures: point)
        }
        return StatsReport(
            filter: StatsFilter(), figures: f, grouping: .day, series: series,
            drift: DriftReport(current: f, previous: before, bounds: DriftReport.Bounds())
        )
    }()

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
        state.review.contextTurn = 3
        state.review.context = Array(transcript[2...6])
        state.templates.items = templates
        state.templates.selectedIntent = 1
        state.monitor.report = monitor
        return state
    }
}
