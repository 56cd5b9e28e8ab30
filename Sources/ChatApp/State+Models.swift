extension State {
    /// A command on the Models screen: `p` twice promotes the highlighted version, `b` twice
    /// rolls back; any other key cancels a change waiting for its confirmation.
    mutating func modelsCommand(_ command: Command) -> [Effect] {
        let pending = models.confirming
        models.confirming = nil
        let count = models.items.count
        switch command {
        case .back: return open(.chat)
        case .moveUp: models.selected = max(0, models.selected - 1)
        case .moveDown: models.selected = min(max(0, count - 1), models.selected + 1)
        case .reload: return [.loadModels]
        case .promote:
            guard let item = models.item else { return [] }
            guard !item.isActive else {
                say("v\(item.version) is the active model already")
                return []
            }
            if pending == .promote(item.version) { return [.promote(version: item.version)] }
            models.confirming = .promote(item.version)
            say("press p again to make v\(item.version) active: the chat answers with it from the next line")
        case .rollback:
            if pending == .rollback { return [.rollback] }
            models.confirming = .rollback
            say("press b again to roll back to the previously active version")
        default: break
        }
        return []
    }
}
