import Assistant

extension State {
    /// Scrolls the transcript up `rows`; at the top of the window, asks for earlier stored lines.
    mutating func scrollUp(_ rows: Int) -> [Effect] {
        scroll += rows
        guard earlierInStore, let anchor = transcript.first(where: \.isStoredCustomerTurn)?.turn else { return [] }
        let top = max(0, transcriptRows(transcript) - ChatView.layout(in: body).transcript.height)
        guard scroll >= top else { return [] }
        scroll = top
        guard !awaitingPage else { return [] }
        awaitingPage = true
        return [.loadEarlier(before: anchor)]
    }

    /// Scrolls the transcript down `rows`; at the bottom of the window, asks for later stored lines.
    mutating func scrollDown(_ rows: Int) -> [Effect] {
        scroll = max(0, scroll - rows)
        guard scroll == 0, laterInStore, !awaitingPage,
            let anchor = transcript.last(where: \.isStoredCustomerTurn)?.turn
        else { return [] }
        awaitingPage = true
        return [.loadLater(after: anchor)]
    }

    /// Puts earlier stored lines in place of those before the oldest customer turn, then drops
    /// the newest lines over `transcriptLimit`, keeping the rows on screen where they were.
    mutating func prependEarlier(_ lines: [TranscriptLine]) {
        awaitingPage = false
        guard !lines.isEmpty, let start = transcript.firstIndex(where: \.isStoredCustomerTurn) else {
            earlierInStore = false
            return
        }
        transcript.replaceSubrange(..<start, with: lines)
        moveSelection { $0 >= start ? $0 - start + lines.count : nil }
        let excess = transcript.count - Self.transcriptLimit
        guard excess > 0 else { return }
        scroll = max(0, scroll - transcriptRows(transcript.suffix(excess)))
        transcript.removeLast(excess)
        laterInStore = true
        let count = transcript.count
        moveSelection { $0 < count ? $0 : nil }
    }

    /// Puts later stored lines in place of those after the newest customer turn, then drops
    /// the oldest lines over `transcriptLimit`, keeping the rows on screen where they were.
    mutating func appendLater(_ lines: [TranscriptLine]) {
        awaitingPage = false
        guard !lines.isEmpty, let end = transcript.lastIndex(where: \.isStoredCustomerTurn) else {
            laterInStore = false
            return
        }
        scroll = max(0, scroll + transcriptRows(lines) - transcriptRows(transcript[(end + 1)...]))
        transcript.replaceSubrange((end + 1)..., with: lines)
        moveSelection { $0 <= end ? $0 : nil }
        dropOldest()
    }

    /// Drops the oldest lines over `transcriptLimit`; they stay in the store.
    mutating func dropOldest() {
        let excess = transcript.count - Self.transcriptLimit
        guard excess > 0 else { return }
        transcript.removeFirst(excess)
        earlierInStore = true
        moveSelection { $0 >= excess ? $0 - excess : nil }
    }

    /// How many rows `lines` take in the Chat screen's transcript.
    func transcriptRows(_ lines: some Sequence<TranscriptLine>) -> Int {
        TranscriptView.rowCount(of: lines, width: ChatView.layout(in: body).transcript.width)
    }

    /// Moves the selected transcript line to its new index, or back to the input when it is gone.
    private mutating func moveSelection(_ index: (Int) -> Int?) {
        guard case .transcript(let selected) = focus else { return }
        focus = index(selected).map { .transcript(selected: $0) } ?? .input
    }
}

extension TranscriptLine {
    /// Whether this is a customer line logged in the store (pages of stored lines start and end at one).
    var isStoredCustomerTurn: Bool { role == .customer && turn != nil }
}
