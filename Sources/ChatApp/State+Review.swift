import Assistant

extension State {
    /// A command on the Review screen.
    mutating func reviewCommand(_ command: Command) -> [Effect] {
        let count = review.items.count
        switch command {
        case .back: return open(.chat)
        case .moveUp: review.selected = max(0, review.selected - 1)
        case .moveDown: review.selected = min(max(0, count - 1), review.selected + 1)
        case .pageUp: review.selected = max(0, review.selected - max(1, height / 2))
        case .pageDown: review.selected = min(max(0, count - 1), review.selected + max(1, height / 2))
        case .first: review.selected = 0
        case .last: review.selected = max(0, count - 1)
        case .reload: return [.loadReviewQueue]
        case .retrain: return startRetrain()
        case .undo:
            guard let turn = review.undoable.popLast() else {
                say("nothing to undo in this session")
                return []
            }
            return [.mark(turn: turn, kind: .undo)]
        default:
            guard let item = review.item else { return [] }
            return reviewItemCommand(command, item)
        }
        return reviewContextEffects()
    }

    /// A command on the highlighted item. Enter confirms the model's guess only where the bot
    /// answered; a low-confidence guess is no label, so there Enter opens the picker.
    private mutating func reviewItemCommand(_ command: Command, _ item: ReviewCandidate) -> [Effect] {
        switch command {
        case .confirm where !item.fallback: return [.relabel(turn: item.id, intent: item.intent)]
        case .confirm, .pick:
            show(
                IntentPicker(
                    turn: item.id, position: item.position, text: item.text, intents: session.intents,
                    ranking: item.rankedIntents))
            return []
        case .outOfScope: return [.mark(turn: item.id, kind: .outOfScope)]
        case .discard: return [.mark(turn: item.id, kind: .discard)]
        case .skip: return [.mark(turn: item.id, kind: .skip)]
        default: return []
        }
    }

    /// Asks for the highlighted item's context when it is not the one loaded.
    func reviewContextEffects() -> [Effect] {
        guard page == .review, let item = review.item, item.id != review.contextTurn else { return [] }
        return [.loadReviewContext(turn: item.id)]
    }

    /// A label event was stored on `turn`: the queue and transcript show it, and the notice
    /// names the turn by its position in its conversation.
    mutating func applyMark(turn: TurnID, kind: LabelKind) -> [Effect] {
        let name = turnName(turn)
        if kind == .undo {
            for i in transcript.indices where transcript[i].turn == turn && transcript[i].role == .bot {
                transcript[i].label = nil
            }
            say("\(name): its last label event is undone")
            return page == .review ? [.loadReviewQueue] : []
        }
        review.undoable.append(turn)
        let intent: String? = kind == .outOfScope ? IntentDefinition.outOfScope : nil
        for i in transcript.indices where transcript[i].turn == turn && transcript[i].role == .bot {
            transcript[i].label = intent
        }
        dropFromQueue(turn)
        let said: [LabelKind: String] = [.outOfScope: "out of scope", .discard: "discarded", .skip: "skipped"]
        say("\(name) \(said[kind] ?? kind.rawValue) · u undoes")
        return reviewContextEffects()
    }

    /// Takes `turn` off the loaded queue.
    mutating func dropFromQueue(_ turn: TurnID) {
        let count = review.items.count
        review.items.removeAll { $0.id == turn }
        review.total = max(0, review.total - (count - review.items.count))
        review.selected = min(review.selected, max(0, review.items.count - 1))
    }

    /// How notices name `turn`: "turn N" by its position in its conversation.
    func turnName(_ turn: TurnID) -> String {
        let position =
            transcript.lazy.filter { $0.turn == turn }.compactMap(\.position).last
            ?? review.items.first { $0.id == turn }?.position
            ?? review.context.first { $0.turn == turn }?.position
        return position.map { "turn \($0)" } ?? "the turn"
    }
}
