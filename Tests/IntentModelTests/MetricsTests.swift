import IntentModel
import Testing

@Suite struct MetricsTests {
    @Test func knownConfusion() {
        // expected: a a a b b c ; predicted: a a b b b a
        let m = Metrics(intents: ["a", "b", "c"], expected: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 1, 0])
        #expect(m.examples == 6)
        #expect(abs(m.accuracy - 4.0 / 6) < 1e-12)
        let a = m.perIntent[0]
        let b = m.perIntent[1]
        let c = m.perIntent[2]
        #expect(abs(a.precision - 2.0 / 3) < 1e-12 && abs(a.recall - 2.0 / 3) < 1e-12)
        #expect(abs(b.precision - 2.0 / 3) < 1e-12 && b.recall == 1)
        #expect(c.precision == 0 && c.recall == 0 && c.f1 == 0 && c.support == 1)
        #expect(abs(m.macro.f1 - (2.0 / 3 + 0.8 + 0) / 3) < 1e-12)
        #expect(m.topConfusions(5).map { "\($0.expected)>\($0.predicted)" } == ["a>b", "c>a"])
    }
}
