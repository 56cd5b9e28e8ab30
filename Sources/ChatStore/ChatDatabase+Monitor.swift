import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The percentiles `figures().latencyMicros` reports.
    public static let latencyPercentiles = [0.5, 0.9, 0.99]

    /// Monitoring figures, each computed by SQLite over the whole store (`FigureRequests`).
    public func figures() throws -> StoreFigures {
        try writer.read { db in
            var figures = StoreFigures()
            let turns = try FigureRequests.customerTurns.fetchOne(db)!
            (figures.customerTurns, figures.averageConfidence) = (turns[0], turns[1])
            let fallbacks = try FigureRequests.fallbackRate.fetchOne(db)!
            (figures.lowConfidence, figures.fallbackRate) = (fallbacks[0], fallbacks[1])
            let handoffs = try FigureRequests.handoffRate.fetchOne(db)!
            (figures.conversations, figures.handedOff, figures.handoffRate) = (handoffs[0], handoffs[1], handoffs[2])
            for row in try FigureRequests.confidenceHistogram.fetchAll(db) { figures.confidenceHistogram[row[0]] = row[1] }
            figures.intentMix = try FigureRequests.intentMix.fetchAll(db).map { StoreFigures.IntentTurns(intent: $0[0], count: $0[1]) }
            let replies = try FigureRequests.timedReplies.fetchOne(db)!
            if replies > 0 {
                figures.latencyMicros = try Self.latencyPercentiles.map { p in
                    try FigureRequests.latency(offset: min(replies - 1, Int(p * Double(replies)))).fetchOne(db)!
                }
            }
            let labels = try FigureRequests.liveAccuracy.fetchOne(db)!
            (figures.labeled, figures.labeledCorrect, figures.liveAccuracy) = (labels[0], labels[1], labels[2])
            return figures
        }
    }
}
