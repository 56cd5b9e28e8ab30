/// Supplies the fallback threshold set for a registry model after it was trained (`threshold --set`).
public protocol ThresholdSource: Sendable {
    /// The newest threshold set for model `version`; nil when none was set (the model's own applies).
    func threshold(forModel version: Int64) throws -> Float?
}
