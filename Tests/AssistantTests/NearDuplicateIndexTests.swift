import IntentModel
import Testing

@testable import Assistant

@Suite struct NearDuplicateIndexTests {
    /// The index finds exactly what comparing with every set finds, on seeded random sets.
    @Test func agreesWithTheExhaustiveSearch() {
        var generator = SeededGenerator(seed: 11)
        let words = (0..<30).map { "w\($0)" }
        func randomSet() -> Set<String> {
            Set((0..<Int.random(in: 2...9, using: &generator)).map { _ in words.randomElement(using: &generator)! })
        }
        let sets = (0..<400).map { _ in randomSet() }
        for threshold in [0.5, 0.8] {
            let index = NearDuplicateIndex(sets, threshold: threshold)
            for _ in 0..<300 {
                let query = randomSet()
                let expected =
                    query.count < 4
                    ? nil
                    : sets.indices.first {
                        sets[$0].count >= 4 && NearDuplicateIndex.jaccard(query, sets[$0]) >= threshold
                    }
                #expect(index.first(near: query) == expected, "\(query.sorted())")
            }
        }
    }
}
