import ChatApp

/// A turn kept in memory by `ClassifierOnlyBackend`.
struct MemoryTurn {
    let id: TurnID
    let conversation: Int
    let text: String
    let intent: String
    let confidence: Float
    let fallback: Bool
    let latencyMilliseconds: Double
    var label: String?
}
