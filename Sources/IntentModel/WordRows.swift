import Foundation

/// The per-word (or per-bucket) inputs of single-utterance inference, folded on first use.
///
/// What a row holds is its owner's to say (`Classifier.wordRows`, `Classifier.bigramRows`).
/// Building every row at load would cost a `[V, E] · [E, 4H]` product the first answer
/// mostly does not need; a row is instead built the first time an utterance reads its word
/// and never changes after. The storage is zero-filled lazily by the OS (`calloc`), so an
/// unused row costs no time. Rows are written under `lock`; a row marked built is only read.
final class WordRows: @unchecked Sendable {
    /// Floats per row.
    let width: Int
    private let storage: UnsafeMutablePointer<Float>
    private var built: [Bool]
    private let lock = NSLock()

    /// Room for `words` rows of `width` floats, none built yet.
    init(words: Int, width: Int) {
        self.width = width
        storage = calloc(max(1, words * width), MemoryLayout<Float>.stride)!.bindMemory(
            to: Float.self, capacity: words * width)
        built = [Bool](repeating: false, count: words)
    }

    deinit { free(storage) }

    /// The rows of `words`, building the missing ones with `build(word, row)` first.
    func rows(_ words: [Int32], build: (Int32, UnsafeMutablePointer<Float>) -> Void) -> [UnsafePointer<Float>] {
        lock.lock()
        for w in words where !built[Int(w)] {
            build(w, storage + Int(w) * width)
            built[Int(w)] = true
        }
        lock.unlock()
        return words.map { UnsafePointer(storage + Int($0) * width) }
    }
}
