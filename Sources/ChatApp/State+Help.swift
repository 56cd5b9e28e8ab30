extension State {
    /// A command on the Help screen: arrows and pages scroll.
    mutating func helpCommand(_ command: Command) -> [Effect] {
        switch command {
        case .back: return open(.chat)
        case .moveUp: helpScroll = max(0, helpScroll - 1)
        case .moveDown: helpScroll += 1
        case .pageUp: helpScroll = max(0, helpScroll - max(1, height - 4))
        case .pageDown: helpScroll += max(1, height - 4)
        case .first: helpScroll = 0
        default: break
        }
        return []
    }
}
