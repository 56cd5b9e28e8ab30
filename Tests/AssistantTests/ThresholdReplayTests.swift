import Assistant
import Testing

/// `ThresholdReplay` on turns whose best threshold is known by construction.
@Suite struct ThresholdReplayTests {
    static func turn(_ confidence: Float, _ label: String?) -> ThresholdReplay.Turn {
        ThresholdReplay.Turn(predicted: "greet", confidence: confidence, label: label)
    }

    @Test func replayCountsFallbacksAndAccuracyPerThreshold() throws {
        // Labelled: one wrong at 0.12, nine right from 0.42 on; answering at least 90 % of them with
        // every answer right needs a threshold in (0.12, 0.42], and the rule takes the lowest
        // candidate there: 0.42. Unlabelled turns only count for the fallback rate.
        let right: [Float] = [0.42, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95]
        let turns =
            [Self.turn(0.12, "refund")] + right.map { Self.turn($0, "greet") } + [
                Self.turn(0.2, nil), Self.turn(0.3, nil),
            ]
        let replay = ThresholdReplay(turns)
        #expect(
            replay.rows.map(\.threshold) == [
                0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
            ])
        #expect(replay.labelled == 10 && replay.recommended == Float(0.42))
        #expect(replay.rows[0] == ThresholdReplay.Row(threshold: 0, fallbackRate: 0, answered: 10, accuracy: 0.9))
        let at040 = replay.rows[8]
        #expect(at040.fallbackRate == 3.0 / 12 && at040.answered == 9 && at040.accuracy == 1)
        let at050 = replay.rows[10]
        #expect(at050.fallbackRate == 4.0 / 12 && at050.answered == 8 && at050.accuracy == 1)
        #expect(replay.rows[18].fallbackRate == 10.0 / 12 && replay.rows[18].answered == 2)
    }

    @Test func withoutLabelsNothingIsRecommendedAndNothingDividesByZero() {
        let replay = ThresholdReplay([Self.turn(0.5, nil)])
        #expect(
            replay.recommended == nil && replay.labelled == 0
                && replay.rows.allSatisfy { $0.accuracy == nil && $0.answered == 0 })
        #expect(ThresholdReplay([]).rows.allSatisfy { $0.fallbackRate == nil })
    }
}
