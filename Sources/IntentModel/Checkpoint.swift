import Foundation

/// The binary model file: encode a `Classifier` to bytes and back.
///
/// Layout (little-endian):
/// ```
/// "SBMODEL\0"  magic, 8 bytes
/// u32          format version
/// sections     u32 tag, u64 length, bytes — CONF (JSON), VOCB, LABL (strings),
///              META (JSON), TENS (tensors)
/// u64          checksum of everything before it (FNV-1a over 64-bit words)
/// ```
/// Strings are u32 length + UTF-8. Tensors are coded as `TensorCoding` says.
public enum Checkpoint {
    /// The newest format version this build writes and reads. Version 2 adds the calibration
    /// temperature to META (a version-1 file reads with temperature 1); version 3 adds int8
    /// tensors that leave out their all-zero rows (pruned n-gram buckets); version 4 adds
    /// ensembles (`ModelConfig.members` > 1: each member's tensors in turn). A one-network
    /// model is still written as version 3, so older builds keep reading it.
    public static let formatVersion: UInt32 = 4

    /// The version `encode` writes for a model of `config`: the oldest that holds it.
    public static func formatVersion(for config: ModelConfig) -> UInt32 { config.memberCount > 1 ? 4 : 3 }
    static let magic = Array("SBMODEL\0".utf8)
    /// The most intents a checkpoint may name.
    public static let maxIntents = 100_000

    /// Non-finite numbers (a NaN metric of a diverged run) as strings, so encoding cannot fail.
    private static let nonFinite = (positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")

    /// Section `tag`'s `value` as sorted-keys JSON; throws `unencodable` should encoding fail
    /// (plain numbers and strings, non-finite numbers spelled out: not expected).
    private static func json(_ value: some Encodable, _ tag: String) throws(ModelError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity,
            nan: nonFinite.nan
        )
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw .unencodable("the \(tag) section: \(error)")
        }
    }

    /// The bytes of `classifier`'s checkpoint; `quantized` stores large matrices as int8 with
    /// one scale per row.
    public static func encode(_ classifier: Classifier, quantized: Bool = false) throws(ModelError) -> [UInt8] {
        let config = try json(classifier.config, "CONF")
        let metadata = try json(classifier.metadata, "META")
        var out = ByteWriter()
        out.bytes(magic)
        out.u32(formatVersion(for: classifier.config))
        out.section("CONF") { $0.bytes(config) }
        out.section("VOCB") { w in w.strings(classifier.vocabulary.tokens) }
        out.section("LABL") { w in w.strings(classifier.intents) }
        out.section("META") { $0.bytes(metadata) }
        out.section("TENS") { w in
            let tensors = classifier.network.layout.tensors(members: classifier.members)
            w.u32(UInt32(tensors.count))
            for tensor in tensors {
                let values = classifier.parameters[tensor.offset..<(tensor.offset + tensor.count)]
                TensorCoding.write(
                    name: tensor.name, shape: tensor.shape, values: values, quantized: quantized, into: &w)
            }
        }
        out.u64(Checksum.fnv64(out.data))
        return out.data
    }

    /// Decodes checkpoint bytes; every inconsistency is a `ModelError`, never a crash.
    public static func decode(_ bytes: [UInt8]) throws(ModelError) -> Classifier {
        let sections = try Self.sections(of: bytes)
        func section(_ tag: String) throws(ModelError) -> ByteReader {
            guard let range = sections[tag] else { throw .malformedCheckpoint("missing \(tag) section") }
            return ByteReader(bytes: bytes, range: range)
        }
        func json<T: Decodable>(_ type: T.Type, _ tag: String) throws(ModelError) -> T {
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(
                positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity,
                nan: nonFinite.nan
            )
            do { return try decoder.decode(T.self, from: Data(sections[tag].map { bytes[$0] } ?? [])) } catch {
                throw .malformedCheckpoint("unreadable \(tag) section")
            }
        }
        let config = try json(ModelConfig.self, "CONF")
        let metadata = try json(ModelMetadata.self, "META")
        var vocabReader = try section("VOCB")
        let vocabulary = Vocabulary(tokens: try vocabReader.strings())
        var labelReader = try section("LABL")
        let intents = try labelReader.strings()
        try config.validate()
        guard (2...config.maxVocab).contains(vocabulary.count), (1...Self.maxIntents).contains(intents.count) else {
            throw .malformedCheckpoint(
                """
                \(vocabulary.count) vocabulary entries (2...\(config.maxVocab) allowed) and \(intents.count) \
                intents (1...\(Self.maxIntents))
                """
            )
        }
        // The weight count is bounded (`ModelConfig.maxParameters`) before anything is allocated.
        _ = try config.parameterCount(vocabularySize: vocabulary.count, classes: intents.count)

        let layout = ParameterLayout(config: config, vocabularySize: vocabulary.count, classes: intents.count)
        var tensorReader = try section("TENS")
        let count = try tensorReader.u32()
        let tensors = layout.tensors(members: config.memberCount)
        guard count == tensors.count else {
            throw .malformedCheckpoint("expected \(tensors.count) tensors, found \(count)")
        }
        return try Classifier(
            config: config, vocabulary: vocabulary, intents: intents, metadata: metadata,
            parameters: try parameters(tensors, count: layout.count * config.memberCount, from: &tensorReader))
    }

    /// The sections of checkpoint `bytes` by tag, as ranges of it (read in place: no copy of the
    /// weights before they land), once the magic, the format version and the checksum check out.
    private static func sections(of bytes: [UInt8]) throws(ModelError) -> [String: Range<Int>] {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw bytes.count < magic.count && magic.starts(with: bytes) ? .truncatedCheckpoint : .notACheckpoint
        }
        var reader = ByteReader(bytes: bytes, position: magic.count)
        let version = try reader.u32()
        guard version <= formatVersion else { throw .newerFormat(found: version, supported: formatVersion) }
        guard version >= 1 else { throw .malformedCheckpoint("format version 0") }
        guard bytes.count >= magic.count + 12 else { throw .truncatedCheckpoint }
        var tail = ByteReader(bytes: bytes, position: bytes.count - 8)
        guard Checksum.fnv64(bytes[0..<(bytes.count - 8)]) == (try tail.u64()) else {
            throw try truncationOrCorruption(bytes)
        }

        var sections: [String: Range<Int>] = [:]
        while reader.position < bytes.count - 8 {
            let tag = String(decoding: try reader.take(4), as: UTF8.self)
            let length = try reader.u64()
            guard length <= UInt64(bytes.count - 8 - reader.position) else {
                throw .malformedCheckpoint("section \(tag) overruns the file")
            }
            sections[tag] = reader.position..<(reader.position + Int(length))
            reader.position += Int(length)
        }
        return sections
    }

    /// The `count` weights `tensors` tile (every member's layout in turn), read from the TENS
    /// section after its tensor count, so each weight is written once, straight from the file.
    private static func parameters(
        _ tensors: [ParameterLayout.Tensor], count: Int, from reader: inout ByteReader
    ) throws(ModelError) -> [Float] {
        var failure: ModelError?
        let parameters = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(ModelError) {
                for expected in tensors { try TensorCoding.read(expected, from: &reader, into: buffer) }
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return parameters
    }

    /// A file whose sections run past its end is truncated; anything else failing the
    /// checksum is corrupt.
    private static func truncationOrCorruption(_ bytes: [UInt8]) throws(ModelError) -> ModelError {
        var reader = ByteReader(bytes: bytes, position: magic.count + 4)
        while reader.position < bytes.count {
            guard (try? reader.take(4)) != nil, let length = try? reader.u64() else { return .truncatedCheckpoint }
            if length > UInt64(bytes.count - reader.position) { return .truncatedCheckpoint }
            if (try? reader.take(Int(length))) == nil { return .truncatedCheckpoint }
            if bytes.count - reader.position == 8 { return .checksumMismatch }
        }
        return .truncatedCheckpoint
    }
}

/// Appends little-endian values to a byte array.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func u8(_ v: UInt8) { data.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
    /// Floats in bulk (the format is little-endian, as every platform Swift runs on here).
    mutating func floats(_ values: ArraySlice<Float>) {
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        data.append(contentsOf: s.utf8)
    }
    mutating func strings(_ list: [String]) {
        u32(UInt32(list.count))
        for s in list { string(s) }
    }
    /// A tagged, length-prefixed section whose body `write` produces.
    mutating func section(_ tag: String, _ write: (inout ByteWriter) -> Void) {
        var body = ByteWriter()
        write(&body)
        bytes(Array(tag.utf8))
        u64(UInt64(body.data.count))
        bytes(body.data)
    }
}

/// Reads little-endian values from `bytes[position..<end]`; running past `end` is `truncatedCheckpoint`.
struct ByteReader {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    /// Reads from `position` to the end of `bytes`.
    init(bytes: [UInt8], position: Int) {
        self.init(bytes: bytes, range: position..<bytes.count)
    }

    /// Reads `range` of `bytes` (shared, not copied).
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    mutating func take(_ n: Int) throws(ModelError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= end - position else { throw .truncatedCheckpoint }
        defer { position += n }
        return bytes[position..<(position + n)]
    }
    mutating func u8() throws(ModelError) -> UInt8 { try take(1).first! }
    mutating func u32() throws(ModelError) -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    mutating func u64() throws(ModelError) -> UInt64 {
        try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    mutating func f32() throws(ModelError) -> Float { Float(bitPattern: try u32()) }
    /// `count` floats in bulk, copied into `target`.
    mutating func floats(_ count: Int, into target: UnsafeMutablePointer<Float>) throws(ModelError) {
        guard count <= (end - position) / 4 else { throw .truncatedCheckpoint }
        let slice = try take(count * 4)
        slice.withUnsafeBytes {
            UnsafeMutableRawPointer(target).copyMemory(from: $0.baseAddress!, byteCount: count * 4)
        }
    }
    mutating func string() throws(ModelError) -> String {
        let n = try u32()
        guard let s = String(validating: try take(Int(n)), as: UTF8.self) else {
            throw .malformedCheckpoint("invalid UTF-8 in a string")
        }
        return s
    }
    mutating func strings() throws(ModelError) -> [String] {
        let n = try u32()
        guard Int(n) <= (end - position) / 4 else { throw .truncatedCheckpoint }
        return try (0..<n).map { _ throws(ModelError) in try string() }
    }
}

/// The checkpoint checksum: FNV-1a over little-endian 64-bit words, then the tail bytes.
/// Each step is a bijection of the state, so any single changed word changes the result.
enum Checksum {
    static func fnv64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hasher = FNV1a()
            let words = raw.count / 8
            for k in 0..<words {
                hasher.combine(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)))
            }
            hasher.combine(raw[(words * 8)...])
            return hasher.value
        }
    }

    static func fnv64(_ bytes: [UInt8]) -> UInt64 { fnv64(bytes[...]) }
}

#if !_endian(little)
    #error("checkpoints are read and written little-endian in bulk")
#endif
