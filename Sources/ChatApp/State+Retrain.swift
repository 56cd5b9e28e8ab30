import Assistant

extension State {
    /// Starts a background retrain (Review or Models `t`, `/retrain`), unless one runs or waits for its answer.
    mutating func startRetrain() -> [Effect] {
        if let summary = retrain.summary {
            say("a retrain is running already: \(summary)")
            return []
        }
        retrain.running = true
        retrain.progress = nil
        say("retraining in the background on the store's examples, labels included: the chat keeps answering")
        return [.startRetrain]
    }

    /// A report of the background retrain: progress on the status line; at the end, the
    /// comparison with the promote prompt (or, on a terminal too small for it, a notice).
    mutating func applyRetrain(_ update: RetrainUpdate) -> [Effect] {
        switch update {
        case .progress(let progress):
            retrain.progress = progress
            return []
        case .finished(let outcome):
            retrain = RetrainState()
            if RetrainPromptView.frame(width: width, height: height) != nil {
                retrain.prompt = outcome
            } else {
                say(RetrainPromptView.verdict(outcome) + " · " + Self.promoteLater(outcome.version))
            }
            return page == .models ? [.loadModels] : []
        case .failed(let message):
            retrain = RetrainState()
            say("retrain failed: \(message)", isError: true)
            return []
        }
    }

    /// A key over the promote prompt: `y` promotes, `n` or Esc keeps the active version; other
    /// keys wait for the answer (so a line being typed never answers it by accident).
    mutating func retrainPromptKey(_ key: Key) -> [Effect] {
        guard let outcome = retrain.prompt else { return [] }
        switch Keymap.command(for: key, in: .retrainPrompt) {
        case .promote?:
            retrain.prompt = nil
            return [.promote(version: outcome.version)]
        case .back?:
            retrain.prompt = nil
            say(Self.promoteLater(outcome.version))
            return []
        default:
            return []
        }
    }

    /// Closes the promote prompt when the terminal became too small to show it (it is never open unseen).
    mutating func closeHiddenRetrainPrompt() {
        guard let outcome = retrain.prompt, RetrainPromptView.frame(width: width, height: height) == nil else { return }
        retrain.prompt = nil
        say(Self.promoteLater(outcome.version))
    }

    /// The notice of a version left inactive.
    static func promoteLater(_ version: Int64) -> String {
        "v\(version) is registered, not active: promote it on Models (F7) with p p"
    }
}
