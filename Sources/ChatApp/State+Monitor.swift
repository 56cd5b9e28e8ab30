import Assistant

extension State {
    /// A command on the Monitor screen: the period, the intent rows' scroll, a refresh.
    mutating func monitorCommand(_ command: Command) -> [Effect] {
        switch command {
        case .back: return open(.chat)
        case .reload: return [.loadMonitor(monitor.period)]
        case .previousPeriod, .nextPeriod:
            let period = monitor.period.step(command == .nextPeriod ? 1 : -1)
            guard period != monitor.period else { return [] }
            monitor.period = period
            monitor.scroll = 0
            return [.loadMonitor(period)]
        case .moveUp: monitor.scroll = max(0, monitor.scroll - 1)
        case .moveDown:
            monitor.scroll = min(max(0, (monitor.report?.figures.intents.count ?? 0) - 1), monitor.scroll + 1)
        default: break
        }
        return []
    }
}
