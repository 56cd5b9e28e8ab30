/// Applies one event to the state and returns the work the runtime must do; no I/O happens here.
public func update(_ state: inout State, _ event: Event) -> [Effect] {
    switch event {
    case let .key(key):
        return state.handle(key)
    case let .paste(text):
        return state.paste(text)
    case let .resize(width, height):
        state.width = max(1, width)
        state.height = max(1, height)
        return []
    case let .sessionStarted(session):
        if session.conversation != state.session.conversation {
            state.transcript = []
            state.scroll = 0
            state.earlierInStore = false
            state.laterInStore = false
            state.awaitingPage = false
            state.decision = nil
            state.agentMode = false
            state.focus = .input
        }
        state.session = session
        return []
    case let .conversationStored(id):
        state.session.conversation = id
        return []
    case let .draftAnalyzed(analysis):
        if analysis.text == state.input.text { state.analysis = analysis }
        return []
    case let .replied(exchange):
        state.append(exchange.lines)
        state.decision = exchange.decision
        if exchange.decision.handoff { state.agentMode = true }
        return []
    case let .appended(lines):
        state.append(lines)
        return []
    case let .relabeled(turn, intent):
        state.applyLabel(turn: turn, intent: intent)
        return []
    case let .earlierLoaded(lines):
        state.prependEarlier(lines)
        return []
    case let .laterLoaded(lines):
        state.appendLater(lines)
        return []
    case let .reviewLoaded(items, total):
        state.review.items = items
        state.review.total = total
        state.review.selected = min(state.review.selected, max(0, items.count - 1))
        state.review.loaded = true
        return []
    case let .templatesLoaded(items):
        state.templates.items = items
        state.templates.selectedIntent = min(state.templates.selectedIntent, max(0, items.count - 1))
        let variants = state.templates.intent?.variants.count ?? 0
        state.templates.selectedVariant = min(state.templates.selectedVariant, max(0, variants - 1))
        state.templates.editor = nil
        state.templates.confirmingDelete = false
        return []
    case let .monitorLoaded(figures):
        state.monitor = figures
        return []
    case let .failed(message):
        state.notice = message
        return []
    }
}
