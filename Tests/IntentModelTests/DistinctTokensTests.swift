import Testing

@testable import IntentModel

/// The batch's distinct token vectors: a known word's repeats share one slot, each `<unk>`
/// token has its own, padded step rows have none, and the reversed map mirrors each sequence.
@Suite struct DistinctTokensTests {
    @Test("slots: repeats of a known word share one, every <unk> has its own, padding has none")
    func slots() {
        var config = ModelConfig.reference
        config.embeddingDim = 2
        config.ngramBuckets = 5
        let vocabulary = Vocabulary(tokens: ["<pad>", "<unk>", "card", "late"])
        let encoder = TextEncoder(config: config, vocabulary: vocabulary)
        let examples = [encoder.encode(tokens: ["card", "zzz", "card"]), encoder.encode(tokens: ["qqq", "late"])]
        let (T, B, E) = (3, 2, 2)
        // x rows [T, B, E] numbered by step row, so each slot's vector names its first row;
        // slots are numbered sequence by sequence, row t · B + b.
        let x = (0..<(T * B * E)).map { Float($0 / E) }
        let ws = Workspace()
        let count = DistinctTokens.collect(
            examples, indices: Array(examples.indices)[...], steps: T, width: E, x: x, reversed: true, workspace: ws
        )
        #expect(count == 4)
        #expect(Array(UnsafeBufferPointer(start: ws.slots.pointer, count: T * B)) == [0, 2, 1, 3, 0, -1])
        #expect(Array(UnsafeBufferPointer(start: ws.reversedSlots.pointer, count: T * B)) == [0, 3, 1, 2, 0, -1])
        #expect(
            Array(UnsafeBufferPointer(start: ws.distinctVectors.pointer, count: count * E)) == [0, 0, 2, 2, 1, 1, 3, 3])
        #expect(ws.wordSlot.allSatisfy { $0 == -1 }, "the word table is left clear for the next batch")
    }
}
