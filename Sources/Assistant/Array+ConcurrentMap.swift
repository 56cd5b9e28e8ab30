import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` on every core: the elements split into contiguous chunks (several a
    /// core, so a core slowed by other work does not hold the rest up), results in order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.min(count / Self.smallestChunk, ProcessInfo.processInfo.activeProcessorCount * 8)
        guard chunks > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer.baseAddress!
            withUnsafeBufferPointer { elements in
                nonisolated(unsafe) let elements = elements
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    // Chunk `chunk` covers [chunk·n/chunks, (chunk+1)·n/chunks): disjoint, all of them together every index.
                    for index in (chunk * elements.count / chunks)..<((chunk + 1) * elements.count / chunks) {
                        (out + index).initialize(to: transform(elements[index]))
                    }
                }
            }
            initialized = count
        }
    }

    /// Below this many elements a chunk is not worth a thread's hand-over.
    private static var smallestChunk: Int { 64 }
}
