import Assistant

/// Applies one event to the state and returns the work the runtime must do; no I/O happens here.
/// A key or paste ends the notice shown; a new notice asks the runtime to expire it in time.
public func update(_ state: inout State, _ event: Event) -> [Effect] {
    let serial = state.noticeSerial
    switch event {
    case .key, .paste: state.notice = nil
    default: break
    }
    var effects = state.apply(event)
    if state.noticeSerial != serial, let notice = state.notice {
        effects.append(.expireNotice(serial: notice.serial, after: Notice.lifetime))
    }
    return effects
}

extension State {
    /// The event's own change to the state.
    fileprivate mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case let .key(key):
            return handle(key)
        case let .paste(text):
            return paste(text)
        case let .resize(columns, rows):
            width = max(1, columns)
            height = max(1, rows)
            closeHiddenPicker()
            closeHiddenRetrainPrompt()
            return []
        case let .sessionStarted(started):
            if started.conversation != session.conversation || viewing != nil { clearConversation() }
            session = started
            return []
        case let .modelsLoaded(items):
            models.items = items
            models.selected = min(models.selected, max(0, items.count - 1))
            models.loaded = true
            if let d = models.diff, models.item?.version != d.version || items.first(where: \.isActive)?.version != d.active { models.diff = nil }
            return []
        case let .modelDiffLoaded(version, active, diff):
            if models.item?.version == version { models.diff = ModelsState.Comparison(version: version, active: active, diff: diff) }
            return []
        case let .retrain(update):
            return applyRetrain(update)
        case let .turnExplained(insight):
            self.insight = insight
            return []
        case let .conversationsLoaded(items):
            conversations.items = items
            conversations.selected = min(conversations.selected, max(0, items.count - 1))
            conversations.loaded = true
            return []
        case let .conversationOpened(summary, continuing, started, lines):
            opened(summary, continuing: continuing, session: started, lines: lines)
            return []
        case let .sessionChanged(changed):
            session = changed
            return []
        case let .draftAnalyzed(draft):
            if draft.text == input.text { analysis = draft }
            return []
        case let .replied(lines, reply):
            append(lines)
            decision = reply
            if reply.outcome.isHandoff { takeOver() }
            return []
        case let .handedBack(lines):
            handedBack(lines)
            return []
        case let .appended(lines):
            append(lines)
            return []
        case let .relabeled(turn, intent):
            return applyLabel(turn: turn, intent: intent)
        case let .marked(turn, kind):
            return applyMark(turn: turn, kind: kind)
        case let .reviewContextLoaded(turn, lines):
            if turn == review.item?.id {
                review.contextTurn = turn
                review.context = lines
            }
            return []
        case let .earlierLoaded(lines):
            prependEarlier(lines)
            return []
        case let .laterLoaded(lines):
            appendLater(lines)
            return []
        case let .reviewLoaded(items, total):
            review.items = items
            review.total = total
            review.selected = min(review.selected, max(0, items.count - 1))
            review.loaded = true
            return reviewContextEffects()
        case let .templatesLoaded(items):
            templates.items = items
            templates.selectedIntent = min(templates.selectedIntent, max(0, items.count - 1))
            let variants = templates.intent?.variants.count ?? 0
            templates.selectedVariant = min(templates.selectedVariant, max(0, variants - 1))
            templates.editor = nil
            templates.confirmingDelete = false
            return []
        case let .monitorLoaded(report):
            monitor.report = report
            monitor.refreshSerial += 1
            return page == .monitor ? [.refreshMonitor(serial: monitor.refreshSerial, after: MonitorState.refreshInterval)] : []
        case let .monitorRefreshDue(serial):
            return page == .monitor && serial == monitor.refreshSerial ? [.loadMonitor(monitor.period)] : []
        case let .notice(message):
            say(message)
            return []
        case let .failed(message):
            say(message, isError: true)
            return []
        case let .noticeExpired(serial):
            if notice?.serial == serial { notice = nil }
            return []
        }
    }
}
