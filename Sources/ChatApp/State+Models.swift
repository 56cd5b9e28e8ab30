extension State {
    /// A command on the Models screen: `p` twice promotes the highlighted version, `b` twice
    /// rolls back, `d` compares the highlighted version with the active one; any other key
    /// cancels a change waiting for its confirmation.
    mutating func modelsCommand(_ command: Command) -> [Effect] {
        let pending = models.confirming
        models.confirming = nil
        let count = models.items.count
        switch command {
        case .back:
            guard models.diff == nil else {
                models.diff = nil
                return []
            }
            return open(.chat)
        case .moveUp, .moveDown:
            let selected =
                command == .moveUp ? max(0, models.selected - 1) : min(max(0, count - 1), models.selected + 1)
            if selected != models.selected { models.diff = nil }
            models.selected = selected
        case .reload: return [.loadModels]
        case .retrain: return startRetrain()
        case .diff: return diffEffects()
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

    /// Asks for the highlighted version's diff against the active one.
    private mutating func diffEffects() -> [Effect] {
        guard let item = models.item else { return [] }
        guard let active = models.items.first(where: \.isActive) else {
            say("no version is active to compare with")
            return []
        }
        guard active.version != item.version else {
            say("v\(item.version) is the active version: highlight another one to compare")
            return []
        }
        return [.loadModelDiff(version: item.version, active: active.version)]
    }
}
