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
        case .key(let key):
            return handle(key)
        case .paste(let text):
            return paste(text)
        case .resize(let columns, let rows):
            width = max(1, columns)
            height = max(1, rows)
            closeHiddenPicker()
            closeHiddenRetrainPrompt()
            return []
        case .sessionStarted(let started):
            if started.conversation != session.conversation || viewing != nil { clearConversation() }
            session = started
            return []
        case .modelsLoaded(let items):
            models.items = items
            models.selected = min(models.selected, max(0, items.count - 1))
            models.loaded = true
            if let d = models.diff,
                models.item?.version != d.version || items.first(where: \.isActive)?.version != d.active
            {
                models.diff = nil
            }
            return []
        case .modelDiffLoaded(let version, let active, let diff):
            if models.item?.version == version {
                models.diff = ModelsState.Comparison(version: version, active: active, diff: diff)
            }
            return []
        case .retrain(let update):
            return applyRetrain(update)
        case .turnExplained(let insight):
            self.insight = insight
            return []
        case .conversationsLoaded(let items):
            conversations.items = items
            conversations.selected = min(conversations.selected, max(0, items.count - 1))
            conversations.loaded = true
            return []
        case .conversationOpened(let summary, let continuing, let started, let lines):
            opened(summary, continuing: continuing, session: started, lines: lines)
            return []
        case .sessionChanged(let changed):
            session = changed
            return []
        case .draftAnalyzed(let draft):
            if draft.text == input.text { analysis = draft }
            return []
        case .replied(let lines, let reply):
            append(lines)
            decision = reply
            if reply.outcome.isHandoff { takeOver() }
            return []
        case .handedBack(let lines):
            handedBack(lines)
            return []
        case .appended(let lines):
            append(lines)
            return []
        case .relabeled(let turn, let intent):
            return applyLabel(turn: turn, intent: intent)
        case .marked(let turn, let kind):
            return applyMark(turn: turn, kind: kind)
        case .reviewContextLoaded(let turn, let lines):
            if turn == review.item?.id {
                review.contextTurn = turn
                review.context = lines
            }
            return []
        case .earlierLoaded(let lines):
            prependEarlier(lines)
            return []
        case .laterLoaded(let lines):
            appendLater(lines)
            return []
        case .reviewLoaded(let items, let total):
            review.items = items
            review.total = total
            review.selected = min(review.selected, max(0, items.count - 1))
            review.loaded = true
            return reviewContextEffects()
        case .templatesLoaded(let items):
            templates.items = items
            templates.selectedIntent = min(templates.selectedIntent, max(0, items.count - 1))
            let variants = templates.intent?.variants.count ?? 0
            templates.selectedVariant = min(templates.selectedVariant, max(0, variants - 1))
            templates.editor = nil
            templates.confirmingDelete = false
            return []
        case .monitorLoaded(let report):
            monitor.report = report
            monitor.refreshSerial += 1
            return page == .monitor
                ? [.refreshMonitor(serial: monitor.refreshSerial, after: MonitorState.refreshInterval)] : []
        case .monitorRefreshDue(let serial):
            return page == .monitor && serial == monitor.refreshSerial ? [.loadMonitor(monitor.period)] : []
        case .notice(let message):
            say(message)
            return []
        case .failed(let message):
            say(message, isError: true)
            return []
        case .noticeExpired(let serial):
            if notice?.serial == serial { notice = nil }
            return []
        }
    }
}
