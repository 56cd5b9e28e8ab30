/// Errors of the model layer: configuration, data and checkpoint problems.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// A configuration value out of range.
    case invalidConfig(String)
    /// Training was asked to run on no examples.
    case emptyDataset
    /// The checkpoint does not start with the SupportBot magic bytes.
    case notACheckpoint
    /// The checkpoint ends before its content does.
    case truncatedCheckpoint
    /// The checkpoint's checksum does not match its content.
    case checksumMismatch
    /// The checkpoint was written by a newer format than this build reads.
    case newerFormat(found: UInt32, supported: UInt32)
    /// The checkpoint's content is inconsistent.
    case malformedCheckpoint(String)
    /// Training diverged: the loss stopped being a finite number.
    case diverged(epoch: Int, loss: Double)
    /// A tensor holds NaN or infinite weights.
    case nonFiniteWeights(tensor: String)
    /// The model gives no finite probabilities for a probe text.
    case failedSmokeTest(String)
    /// Part of the model cannot be written to a checkpoint.
    case unencodable(String)

    public var description: String {
        switch self {
        case .invalidConfig(let what): "invalid model configuration: \(what)"
        case .emptyDataset: "the dataset has no examples"
        case .notACheckpoint: "not a SupportBot model file (bad magic bytes)"
        case .truncatedCheckpoint: "model file is truncated"
        case .checksumMismatch: "model file is corrupt (checksum mismatch)"
        case .newerFormat(let found, let supported):
            "model file format version \(found) is newer than this build supports (\(supported)); upgrade supportbot"
        case .malformedCheckpoint(let what): "model file is malformed: \(what)"
        case .diverged(let epoch, let loss):
            "training diverged: the loss is \(loss) in epoch \(epoch); lower learningRate or set clipNorm"
        case .nonFiniteWeights(let tensor): "the model's \(tensor) weights hold NaN or infinite values"
        case .failedSmokeTest(let what): "the model fails its smoke test: \(what)"
        case .unencodable(let what): "cannot write the model file: \(what)"
        }
    }
}
