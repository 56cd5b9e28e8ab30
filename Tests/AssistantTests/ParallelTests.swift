import Assistant
import Testing

/// `Parallel.map`: the results of a sequential `map`, in order, whatever the threads did.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 15, 16, 17, 1_000, 10_007])
    func mapGivesTheSequentialResultsInOrder(count: Int) {
        let items = (0..<count).map { Int64($0) * 7_919 % 10_007 }
        for workers in [1, 2, 3, 8] {
            #expect(Parallel.map(items, workers: workers) { "\($0 * 3)" } == items.map { "\($0 * 3)" })
        }
    }

    @Test func eachElementIsTransformedOnce() {
        let items = Array(0..<5_000)
        let results = Parallel.map(items, workers: 4) { [$0, $0 &* $0] }
        #expect(results.count == items.count)
        #expect(results.enumerated().allSatisfy { index, pair in pair == [index, index * index] })
    }
}
