import Assistant
import GRDB

/// Review candidates decode from the rows of `TurnRecord.all().needingReview()`.
extension ReviewCandidate: FetchableRecord {}
