/// Finds, among word sets of four words or more, the first whose Jaccard similarity with a
/// query reaches a threshold, without comparing the query with every set.
///
/// Prefix filtering: with words ordered rarest first, two sets with Jaccard ≥ t share a word
/// among the first `|x| − ⌈t·|x|⌉ + 1` words of each. Only sets sharing such a word are
/// compared, so a check costs about the size of the few rare words' postings.
struct NearDuplicateIndex {
    private let sets: [Set<String>]
    private let threshold: Double
    private let rank: [String: Int]
    /// Set indices by the words of their prefixes.
    private var postings: [String: [Int]] = [:]

    /// Indexes `sets` (those under four words are never matched).
    init(_ sets: [Set<String>], threshold: Double) {
        var frequency: [String: Int] = [:]
        for set in sets where set.count >= 4 { for word in set { frequency[word, default: 0] += 1 } }
        let ordered = frequency.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
        (self.sets, self.threshold) = (sets, threshold)
        rank = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, $0) })
        for (index, set) in sets.enumerated() where set.count >= 4 {
            for word in prefix(of: set) { postings[word, default: []].append(index) }
        }
    }

    /// The index of the first set at least `threshold` similar to `words`, if any.
    func first(near words: Set<String>) -> Int? {
        guard words.count >= 4 else { return nil }
        var candidates = Set<Int>()
        for word in prefix(of: words) { candidates.formUnion(postings[word] ?? []) }
        return candidates.sorted().first { Self.jaccard(words, sets[$0]) >= threshold }
    }

    /// The rarest `|set| − ⌈t·|set|⌉ + 1` words (unknown words first: they are the rarest).
    private func prefix(of set: Set<String>) -> [String] {
        let length = set.count - Int((threshold * Double(set.count) - 1e-9).rounded(.up)) + 1
        let ranked = set.map { (rank: rank[$0] ?? -1, word: $0) }.sorted { ($0.rank, $0.word) < ($1.rank, $1.word) }
        return ranked.prefix(max(length, 1)).map(\.word)
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
