import IntentModel

/// Which agent-labelled turns go to the fixed evaluation set instead of training: a stable
/// hash of the turn id against the store's `eval_share`, so relabelling never moves a turn
/// between the sets.
public enum EvaluationSplit {
    /// The share used when the store sets none.
    public static let defaultShare = 0.2

    /// Whether turn `turn`'s label is an evaluation example under `share` (in [0, 1]).
    public static func isEvaluation(turn: Int64, share: Double) -> Bool {
        unitHash(turn) < share
    }

    /// The turn id hashed (FNV-1a of its decimal digits, then a SplitMix64 finaliser) into [0, 1).
    static func unitHash(_ turn: Int64) -> Double {
        var x = FNV1a.hash(Array(String(turn).utf8))
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Double(x >> 11) / Double(1 << 53)
    }
}
