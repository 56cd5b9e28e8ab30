import Assistant
import Foundation
import IntentModel
import Testing

@Suite struct DecimalsTests {
    @Test("fixed-point text matches %.Nf for probabilities and ordinary values")
    func matchesFormat() {
        var generator = SeededGenerator(seed: 5)
        let special: [Float] = [0, 1, 0.5, 0.0625, 0.9995, 0.00049, 0.0005, 0.12345, -0.25, -0.0001, 12.5, 1234.5678]
        let values = special + (0..<5_000).map { _ in Float.random(in: 0...1, using: &generator) }
        for value in values {
            for digits in [0, 1, 3, 4] {
                #expect(
                    Decimals.fixed(value, digits: digits) == String(format: "%.\(digits)f", Double(value)), "\(value)")
            }
        }
        #expect(Decimals.fixed(.nan, digits: 3) == "nan")
    }
}
