import Assistant
import Testing

/// `ThresholdReplay` on turns whose best threshold is known by construction.
@Suite struct ThresholdReplayTests {
    @Test func replayCountsFallbacksAndAccuracyPerThreshold() throws {
        // Labelled: wrong below 0.42, right from 0.42 on; unlabelled turns only count for the fallback rate.
        let turns = ([0.12, 0.25, 0.33] as [Float]).map { ThresholdReplay.Turn(confidence: $0, correct: false) }
            + ([0.42, 0.6, 0.95] as [Float]).map { ThresholdReplay.Turn(confidence: $0, correct: true) }
            + ([0.2, 0.8] as [Float]).map { ThresholdReplay.Turn(confidence: $0, correct: nil) }
        let replay = ThresholdReplay(turns)
        #expect(replay.rows.map(\.threshold) == (0...18).map { Float($0) * 0.05 })
        #expect(replay.labelled == 6 && replay.recommended == Float(0.42))
        #expect(replay.rows[0] == ThresholdReplay.Row(threshold: 0, fallbackRate: 0, answered: 6, accuracy: 0.5))
        let at040 = replay.rows[8]
        #expect(at040.fallbackRate == 4.0 / 8 && at040.answered == 3 && at040.accuracy == 1)
        let at030 = replay.rows[6]
        #expect(at030.fallbackRate == 3.0 / 8 && at030.answered == 4 && at030.accuracy == 0.75)
        #expect(replay.rows[18].fallbackRate == 7.0 / 8 && replay.rows[18].answered == 1)
    }

    @Test func withoutLabelsNothingIsRecommendedAndNothingDividesByZero() {
        let replay = ThresholdReplay([ThresholdReplay.Turn(confidence: 0.5, correct: nil)])
        #expect(replay.recommended == nil && replay.labelled == 0 && replay.rows.allSatisfy { $0.accuracy == nil && $0.answered == 0 })
        #expect(ThresholdReplay([]).rows.allSatisfy { $0.fallbackRate == nil })
    }
}
