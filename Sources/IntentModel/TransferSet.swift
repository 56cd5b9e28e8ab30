/// Perturbed copies of training utterances for teachers to label: the transfer set of
/// knowledge distillation (after Tang et al., 2019, "Distilling task-specific knowledge from
/// BERT into simple neural networks"), so a student learns the teachers' answers around each
/// example and not only at it.
///
/// A copy drops each token with probability `dropRate`, and one copy in `spanOdds` keeps only
/// a random run of one to `longestSpan` of the tokens left; a copy keeps at least one token.
enum TransferSet {
    static let dropRate = 0.1, spanOdds = 4, longestSpan = 5

    /// `count` copies of each of `utterances` (as tokens), copy `k` of utterance `i` at
    /// `k · utterances.count + i`, with the index of the utterance it came from.
    static func copies(
        of utterances: [[String]], count: Int, generator rng: inout SeededGenerator
    ) -> [(source: Int, tokens: [String])] {
        var copies: [(source: Int, tokens: [String])] = []
        copies.reserveCapacity(count * utterances.count)
        for _ in 0..<count {
            for (i, tokens) in utterances.enumerated() {
                copies.append((i, perturbed(tokens, generator: &rng)))
            }
        }
        return copies
    }

    /// One perturbed copy of `tokens`.
    static func perturbed(_ tokens: [String], generator rng: inout SeededGenerator) -> [String] {
        let threshold = UInt64(dropRate * 0x1p32)
        var kept = tokens.filter { _ in rng.next() >> 32 >= threshold }
        if kept.isEmpty, let any = tokens.randomElement(using: &rng) { kept = [any] }
        guard Int.random(in: 0..<spanOdds, using: &rng) == 0, kept.count > 1 else { return kept }
        let length = Int.random(in: 1...min(longestSpan, kept.count), using: &rng)
        let start = Int.random(in: 0...(kept.count - length), using: &rng)
        return Array(kept[start..<(start + length)])
    }
}
