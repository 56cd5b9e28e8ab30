import Testing

@testable import IntentModel

@Suite struct RankingTests {
    /// The ranking by a plain stable sort: most probable first, ties by index.
    static func sorted(_ probs: [Float]) -> [Int] {
        probs.indices.sorted { (probs[$0], $1) > (probs[$1], $0) }
    }

    @Test("the top k of a partial selection are the first k of the full ranking, ties by index")
    func topKMatchesFullSort() {
        var generator = SeededGenerator(seed: 11)
        for trial in 0..<200 {
            let count = [1, 2, 7, 77, 150][trial % 5]
            // Coarse values so that ties are frequent.
            let probs = (0..<count).map { _ in Float(Int.random(in: 0...12, using: &generator)) / 12 }
            let full = Self.sorted(probs)
            for k in [1, 3, 5, 20, count, count + 4] {
                #expect(Classifier.ranking(probs, top: k) == Array(full.prefix(k)), "count \(count), k \(k)")
            }
            #expect(Classifier.ranking(probs, top: 0) == [full[0]], "at least one")
        }
    }
}
