/// 64-bit FNV-1a: a small, stable hash (the same value on every run and machine) for n-gram
/// buckets, data fingerprints and checksums; not for security.
public struct FNV1a: Sendable {
    /// The running state (the hash so far).
    @usableFromInline var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash so far.
    public var value: UInt64 { state }

    /// The hash of no bytes.
    public init() {}

    /// Mixes in bytes, one at a time.
    @inlinable
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(word: UInt64(byte)) }
    }

    /// Mixes in a 64-bit word in one step (the checkpoint checksum's unit).
    @inlinable
    public mutating func combine(word: UInt64) {
        state = (state ^ word) &* 0x0000_0100_0000_01B3
    }

    /// The hash of `bytes`.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(bytes)
        return hasher.value
    }
}
