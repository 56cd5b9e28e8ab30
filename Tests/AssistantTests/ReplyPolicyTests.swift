import Assistant
import Testing

@Suite struct ReplyPolicyTests {
    let policy = ReplyPolicy(threshold: 0.6)

    @Test func confidentAnswersAndUnsureFallsBack() {
        #expect(policy.decide(confidence: 0.6, action: nil, previousWasFallback: false, handedOff: false) == .replied)
        #expect(policy.decide(confidence: 0.59, action: nil, previousWasFallback: false, handedOff: false) == .fallback)
    }

    @Test func secondFallbackInARowHandsOff() {
        #expect(
            policy.decide(confidence: 0.1, action: nil, previousWasFallback: true, handedOff: false)
                == .handoff(.repeatedFallback))
        #expect(policy.decide(confidence: 0.9, action: nil, previousWasFallback: true, handedOff: false) == .replied)
    }

    @Test func handoffIntentHandsOffOnlyWhenConfident() {
        #expect(
            policy.decide(confidence: 0.9, action: .handoff, previousWasFallback: false, handedOff: false)
                == .handoff(.requested))
        #expect(
            policy.decide(confidence: 0.3, action: .handoff, previousWasFallback: false, handedOff: false) == .fallback)
    }

    @Test func quietOnceHandedOff() {
        #expect(policy.decide(confidence: 0.9, action: nil, previousWasFallback: false, handedOff: true) == .quiet)
    }

    @Test func thresholdsAreConfidencesFromZeroToOne() {
        for ok: Float in [0, 0.35, 1] { #expect(ReplyPolicy.thresholdProblem(ok) == nil) }
        for bad: Float in [-0.01, 1.01, .nan, .infinity] {
            #expect(ReplyPolicy.thresholdProblem(bad)?.contains("expected a threshold from 0 to 1") == true, "\(bad)")
        }
    }
}
