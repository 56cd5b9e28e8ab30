import Assistant
import Foundation

extension State {
    /// Dispatches `key` through the `Keymap`: the global bindings, then the open picker's,
    /// then the page's; a key bound nowhere goes to the focused text field, if any.
    mutating func handle(_ key: Key) -> [Effect] {
        if let command = Keymap.command(for: key, in: .global) {
            switch command {
            case .open(let target): return open(target)
            default:
                quitting = true
                return [.quit]
            }
        }
        if retrain.prompt != nil { return retrainPromptKey(key) }
        if picker != nil { return pickerKey(key) }
        switch page {
        case .chat: return chatKey(key)
        case .review: return Keymap.command(for: key, in: .review).map { reviewCommand($0) } ?? []
        case .templates: return templatesKey(key)
        case .monitor: return Keymap.command(for: key, in: .monitor).map { monitorCommand($0) } ?? []
        case .conversations: return conversationsKey(key)
        case .models: return Keymap.command(for: key, in: .models).map { modelsCommand($0) } ?? []
        case .help: return Keymap.command(for: key, in: .help).map { helpCommand($0) } ?? []
        }
    }

    /// Text arriving at once goes to the focused text field; line breaks become spaces.
    mutating func paste(_ text: String) -> [Effect] {
        guard retrain.prompt == nil else { return [] }
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        if picker != nil {
            picker!.filter.insert(flat)
            picker!.selected = 0
            return []
        }
        switch page {
        case .chat:
            focus = .input
            input.insert(flat)
            return draftChanged()
        case .templates where templates.editor != nil:
            templates.editor!.insert(flat)
            return []
        case .conversations:
            conversations.query.insert(flat)
            conversations.selected = 0
            return [.loadConversations(conversations.query.text)]
        default:
            return []
        }
    }

    /// Shows `target`, asking for the data it needs.
    mutating func open(_ target: Page) -> [Effect] {
        picker = nil
        page = target
        switch target {
        case .review: return [.loadReviewQueue]
        case .templates: return [.loadTemplates]
        case .monitor: return [.loadMonitor(monitor.period)]
        case .conversations: return [.loadConversations(conversations.query.text)]
        case .models: return [.loadModels]
        case .chat, .help: return []
        }
    }

    /// Appends transcript lines, keeping the newest `transcriptLimit`, and scrolls to the end;
    /// when newer lines were left in the store, the window restarts from the new lines.
    mutating func append(_ lines: [TranscriptLine]) {
        if laterInStore {
            transcript = []
            focus = .input
            laterInStore = false
            earlierInStore = true
        }
        transcript.append(contentsOf: lines)
        dropOldest()
        scroll = 0
    }

    /// Records a label on the transcript and takes the turn off the review queue; the notice
    /// names the turn by its position in its conversation.
    mutating func applyLabel(turn: TurnID, intent: String) -> [Effect] {
        let predicted =
            transcript.last { $0.turn == turn && $0.role == .bot }?.intent
            ?? review.items.first { $0.id == turn }?.intent
        let name = turnName(turn)
        for i in transcript.indices where transcript[i].turn == turn && transcript[i].role == .bot {
            transcript[i].label = intent
        }
        review.undoable.append(turn)
        dropFromQueue(turn)
        say(predicted == intent ? "\(name): \(intent) confirmed" : "\(name) labeled \(intent)")
        return reviewContextEffects()
    }

    /// Opens the relabel picker on the turn of transcript line `index`.
    mutating func openPicker(forLine index: Int) {
        guard transcript.indices.contains(index), let turn = transcript[index].turn else {
            say("no turn to relabel yet")
            return
        }
        let text = transcript.last { $0.turn == turn && $0.role == .customer }?.text ?? transcript[index].text
        let bot = transcript.last { $0.turn == turn && $0.role == .bot }
        let current = bot?.label ?? bot?.intent
        let position = transcript.last { $0.turn == turn && $0.position != nil }?.position
        show(IntentPicker(turn: turn, position: position, text: text, intents: session.intents, current: current))
    }

    /// Opens `picker` when the terminal is large enough to show it: an open picker takes the
    /// keys, so it is never open unseen (a resize too small closes it, `closeHiddenPicker`).
    mutating func show(_ picker: IntentPicker) {
        guard PickerView.frame(width: width, height: height, intents: picker.intents.count) != nil else {
            say("the terminal is too small for the relabel picker", isError: true)
            return
        }
        self.picker = picker
    }

    /// Closes the picker when the terminal became too small to show it.
    mutating func closeHiddenPicker() {
        guard let p = picker, PickerView.frame(width: width, height: height, intents: p.intents.count) == nil else {
            return
        }
        picker = nil
    }

    /// The index of the last bot line that can be relabeled.
    var lastBotTurnLine: Int? {
        transcript.lastIndex { $0.role == .bot && $0.turn != nil }
    }

    /// A key over the open picker: its bindings, else an edit of the filter.
    private mutating func pickerKey(_ key: Key) -> [Effect] {
        guard var p = picker else { return [] }
        let count = p.matches.count
        switch Keymap.command(for: key, in: .picker) {
        case .back:
            picker = nil
            return []
        case .confirm:
            guard let choice = p.choice else { return [] }
            picker = nil
            return [.relabel(turn: p.turn, intent: choice)]
        case .moveUp: p.selected = max(0, min(p.selected, count - 1) - 1)
        case .moveDown: p.selected = min(max(0, count - 1), p.selected + 1)
        case .pageUp: p.selected = max(0, p.selected - 10)
        case .pageDown: p.selected = min(max(0, count - 1), p.selected + 10)
        default:
            let before = p.filter.text
            guard p.filter.handle(key) else { return [] }
            if p.filter.text != before { p.selected = 0 }
        }
        picker = p
        return []
    }
}
