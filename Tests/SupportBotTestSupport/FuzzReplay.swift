import Foundation
import IntentModel

/// Replays a fuzz target's committed corpus (`Fuzz/corpus/TARGET`) and crash inputs
/// (`Fuzz/crashes/TARGET-*`), then seeded mutations of each (bit flips, inserted, deleted and
/// spliced bytes), through the same code the libFuzzer target runs: a crash fails `swift test`.
public enum FuzzReplay {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The committed inputs of `target`.
    public static func inputs(_ target: String) throws -> [[UInt8]] {
        let corpus = root.appendingPathComponent("Fuzz/corpus/\(target)")
        let crashes = root.appendingPathComponent("Fuzz/crashes")
        let seeds = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
        let found = (try? FileManager.default.contentsOfDirectory(at: crashes, includingPropertiesForKeys: nil)) ?? []
        return try (seeds + found.filter { $0.lastPathComponent.hasPrefix(target + "-") })
            .sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0)) }
    }

    /// Runs `body` on every input and on `mutations` seeded mutations of each; returns how many ran.
    @discardableResult
    public static func replay(_ target: String, mutations: Int = 40, seed: UInt64 = 1, _ body: ([UInt8]) -> Void) throws
        -> Int
    {
        let inputs = try inputs(target)
        var generator = SeededGenerator(seed: seed)
        var runs = 0
        for input in inputs {
            body(input)
            runs += 1
            for _ in 0..<mutations {
                body(mutate(input, splicing: inputs.randomElement(using: &generator) ?? [], using: &generator))
                runs += 1
            }
        }
        return runs
    }

    /// `input` changed in 1–4 places, or cut and joined to the tail of `other`.
    static func mutate(_ input: [UInt8], splicing other: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where !bytes.isEmpty:
                let i = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[i] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
            case 1:
                bytes.insert(
                    UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator)
                )
            case 2 where !bytes.isEmpty:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
            default:
                let cut = Int.random(in: 0...bytes.count, using: &generator)
                let from = Int.random(in: 0...other.count, using: &generator)
                bytes = Array(bytes[..<cut]) + other[from...]
            }
        }
        return bytes
    }
}
