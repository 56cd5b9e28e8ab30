/// Activations and scratch space for one batch pass; reused across batches.
final class Workspace: @unchecked Sendable {
    /// Activations kept by one LSTM direction for its backward pass.
    final class Direction {
        let gates = ScratchBuffer<Float>(), c = ScratchBuffer<Float>(), h = ScratchBuffer<Float>()
        let tanhC = ScratchBuffer<Float>(), argmax = ScratchBuffer<Int32>()
    }

    let lengths = ScratchBuffer<Int32>()
    let x = ScratchBuffer<Float>()
    let directions = [Direction(), Direction()]
    let features = ScratchBuffer<Float>(), mask = ScratchBuffer<Float>()
    let logits = ScratchBuffer<Float>(), probabilities = ScratchBuffer<Float>()
    let dLogits = ScratchBuffer<Float>(), dFeatures = ScratchBuffer<Float>()
    let dx = ScratchBuffer<Float>(), dh = ScratchBuffer<Float>()
    let dGates = ScratchBuffer<Float>(), dhNext = ScratchBuffer<Float>(), dcNext = ScratchBuffer<Float>()
    let carry = ScratchBuffer<Float>()
    /// `DistinctTokens`: slot maps `[T, B]`, first rows `[U]`, vectors `[U, E]` and their
    /// gradient, per-slot input projections and their gradient `[U, 4H]`.
    let slots = ScratchBuffer<Int32>(), reversedSlots = ScratchBuffer<Int32>(), firstRows = ScratchBuffer<Int32>()
    let distinctVectors = ScratchBuffer<Float>(), dDistinctVectors = ScratchBuffer<Float>()
    let projections = ScratchBuffer<Float>(), dProjections = ScratchBuffer<Float>()
    /// Per vocabulary index, its slot in the batch being collected; −1 between batches.
    var wordSlot: [Int32] = []
    /// `U`, the number of distinct token vectors of the batch last run forward.
    var distinctCount = 0
    /// Element offsets of the embedding rows the last backward passes wrote (may repeat).
    var touchedRows: [Int] = []
}
