/// Activations and scratch space for one batch pass; reused across batches.
final class Workspace: @unchecked Sendable {
    /// Activations kept by one LSTM direction for its backward pass.
    final class Direction {
        let gates = ScratchBuffer<Float>(), c = ScratchBuffer<Float>(), h = ScratchBuffer<Float>()
        let tanhC = ScratchBuffer<Float>(), argmax = ScratchBuffer<Int32>()
    }

    let lengths = ScratchBuffer<Int32>()
    let x = ScratchBuffer<Float>(), xReversed = ScratchBuffer<Float>()
    let directions = [Direction(), Direction()]
    let features = ScratchBuffer<Float>(), mask = ScratchBuffer<Float>()
    let logits = ScratchBuffer<Float>(), probabilities = ScratchBuffer<Float>()
    let dLogits = ScratchBuffer<Float>(), dFeatures = ScratchBuffer<Float>()
    let dx = ScratchBuffer<Float>(), dxDirection = ScratchBuffer<Float>(), dh = ScratchBuffer<Float>()
    let dGates = ScratchBuffer<Float>(), dhNext = ScratchBuffer<Float>(), dcNext = ScratchBuffer<Float>()
    let carry = ScratchBuffer<Float>()
    /// Element offsets of the embedding rows the last backward passes wrote (may repeat).
    var touchedRows: [Int] = []
}
