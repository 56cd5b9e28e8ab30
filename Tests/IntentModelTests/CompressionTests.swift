import Foundation
import Testing

@testable import IntentModel

@Suite struct CompressionTests {
    static let model = try! Trainer(config: tinyConfig(.default, epochs: 8), seed: 3).train(tinyData)

    /// Rows of very different magnitudes, an all-zero row and a row with one value.
    static func sampleRows(columns: Int) -> [Float] {
        var generator = SeededGenerator(seed: 9)
        var values: [Float] = []
        for magnitude: Float in [1, 1e-3, 250, 0, 3e-7] {
            values += (0..<columns).map { _ in Float.random(in: -magnitude...magnitude, using: &generator) }
        }
        values += [0.5] + [Float](repeating: 0, count: columns - 1)
        return values
    }

    @Test("int8 rows: every value within half a step of its dequantized value; zero rows stay zero")
    func halfStepError() {
        let columns = 37
        let values = Self.sampleRows(columns: columns)
        let rows = values.count / columns
        let (q, scales) = Quantization.quantizeRows(values, rows: rows, columns: columns)
        let back = Quantization.dequantizeRows(q, scales: scales, columns: columns)
        for r in 0..<rows {
            #expect(scales[r] > 0 && scales[r].isFinite)
            for k in (r * columns)..<((r + 1) * columns) {
                #expect(abs(values[k] - back[k]) <= scales[r] / 2, "row \(r)")
            }
        }
        #expect(back[(3 * columns)..<(4 * columns)].allSatisfy { $0 == 0 })
    }

    @Test("quantizing dequantized rows gives the same int8 values and scales")
    func quantizationIsIdempotent() {
        let columns = 64
        let values = Self.sampleRows(columns: columns)
        let rows = values.count / columns
        let first = Quantization.quantizeRows(values, rows: rows, columns: columns)
        let again = Quantization.quantizeRows(
            Quantization.dequantizeRows(first.values, scales: first.scales, columns: columns), rows: rows,
            columns: columns
        )
        #expect(again.values == first.values)
        #expect(again.scales == first.scales)
    }

    @Test("a quantized checkpoint decodes and re-encodes byte for byte")
    func quantizedCheckpointRoundTrips() throws {
        let bytes = try Checkpoint.encode(Self.model, quantized: true)
        let decoded = try Checkpoint.decode(bytes)
        #expect(try Checkpoint.encode(decoded, quantized: true) == bytes)
        let pruned = try Self.model.pruningVocabulary(to: 6).pruningNgrams(fraction: 0.5)
        let prunedBytes = try Checkpoint.encode(pruned, quantized: true)
        #expect(try Checkpoint.encode(try Checkpoint.decode(prunedBytes), quantized: true) == prunedBytes)
    }

    @Test("a pruned vocabulary has the stated size, keeps the most frequent words and still answers")
    func prunedVocabularySize() throws {
        let pruned = try Self.model.pruningVocabulary(to: 6)
        #expect(pruned.vocabulary.count == 6)
        #expect(pruned.vocabulary.tokens == Array(Self.model.vocabulary.tokens.prefix(6)))
        #expect(
            pruned.parameters.count == Self.model.parameters.count - Self.model.members
                * (Self.model.vocabulary.count - 6) * pruned.config.embeddingDim)
        // A kept word reads the same row as before; a removed one becomes <unk> plus its n-grams.
        let kept = Self.model.vocabulary.tokens[2]
        let removed = Self.model.vocabulary.tokens.last!
        #expect(pruned.predict(kept) == Self.model.predict(kept))
        #expect(pruned.predict(removed).unknown == [true])
        #expect(throws: ModelError.self) { try Self.model.pruningVocabulary(to: 1) }
    }

    @Test("n-gram pruning zeroes the buckets of smallest norm over the members, and the int8 file leaves them out")
    func ngramPruning() throws {
        let buckets = Self.model.config.ngramBuckets
        #expect(Self.model.liveNgramBuckets == buckets)
        let pruned = try Self.model.pruningNgrams(fraction: 0.75)
        #expect(pruned.liveNgramBuckets == buckets / 4)
        let table = pruned.network.layout.ngram!
        let E = pruned.config.embeddingDim
        func norm(_ c: Classifier, _ r: Int) -> Float {
            (0..<c.members).map { m in
                let start = m * c.network.layout.count + table.offset + r * E
                return c.parameters[start..<(start + E)].reduce(0) { $0 + $1 * $1 }
            }.reduce(0, +)
        }
        let keptMin = (0..<buckets).filter { norm(pruned, $0) > 0 }.map { norm(Self.model, $0) }.min()!
        let droppedMax = (0..<buckets).filter { norm(pruned, $0) == 0 }.map { norm(Self.model, $0) }.max()!
        #expect(droppedMax <= keptMin)
        let full = try Checkpoint.encode(Self.model, quantized: true).count
        #expect(try Checkpoint.encode(pruned, quantized: true).count < full - buckets / 2 * E)
        #expect(try Checkpoint.decode(Checkpoint.encode(pruned, quantized: true)).liveNgramBuckets == buckets / 4)
    }

    @Test("int8 answers agree with float on the training texts")
    func quantizedAgrees() throws {
        let q = try Checkpoint.decode(Checkpoint.encode(Self.model, quantized: true))
        let agree = tinyData.filter { Self.model.predict($0.text).top.intent == q.predict($0.text).top.intent }
        #expect(agree.count == tinyData.count)
    }

    @Test("folded word rows give the batch network's probabilities")
    func foldedRowsMatchTheNetwork() {
        let texts = tinyData.map(\.text) + ["zzz unseen wordz", "where where order"]
        let batch = Self.model.probabilities(for: texts)
        for (text, expected) in zip(texts, batch) {
            let single = Self.model.probabilities(tokens: Self.model.encoder.tokens(text))
            for (a, b) in zip(single, expected) { #expect(abs(a - b) < 1e-5, "\(text)") }
        }
    }
}
