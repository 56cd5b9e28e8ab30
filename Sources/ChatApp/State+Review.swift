import Assistant

extension State {
    /// Keys on the Review screen: Enter confirms, `p` picks another intent, `s` skips.
    mutating func reviewKey(_ key: Key) -> [Effect] {
        let count = review.items.count
        switch key {
        case .escape:
            return open(.chat)
        case .up: review.selected = max(0, review.selected - 1)
        case .down: review.selected = min(max(0, count - 1), review.selected + 1)
        case .pageUp: review.selected = max(0, review.selected - max(1, height / 2))
        case .pageDown: review.selected = min(max(0, count - 1), review.selected + max(1, height / 2))
        case .home: review.selected = 0
        case .end: review.selected = max(0, count - 1)
        case .character("r"): return [.loadReviewQueue]
        default:
            guard review.items.indices.contains(review.selected) else { return [] }
            let item = review.items[review.selected]
            switch key {
            case .enter:
                return [.relabel(turn: item.id, intent: item.intent)]
            case .character("p"), .control("r"), .right:
                show(IntentPicker(turn: item.id, position: item.position, text: item.text, intents: session.intents, current: item.intent))
            case .character("s"):
                review.items.remove(at: review.selected)
                review.selected = min(review.selected, max(0, review.items.count - 1))
            default:
                break
            }
        }
        return []
    }

    /// Keys on the Monitor screen: `r` refreshes.
    mutating func monitorKey(_ key: Key) -> [Effect] {
        switch key {
        case .escape: open(.chat)
        case .character("r"): [.loadMonitor]
        default: []
        }
    }

    /// Keys on the Help screen: arrows and pages scroll.
    mutating func helpKey(_ key: Key) -> [Effect] {
        switch key {
        case .escape: return open(.chat)
        case .up, .wheelUp: helpScroll = max(0, helpScroll - 1)
        case .down, .wheelDown: helpScroll += 1
        case .pageUp: helpScroll = max(0, helpScroll - max(1, height - 4))
        case .pageDown: helpScroll += max(1, height - 4)
        case .home: helpScroll = 0
        default: break
        }
        return []
    }
}
