import Testing

@testable import IntentModel

@Suite struct ImportanceTests {
    static let model = try! Trainer(config: tinyConfig(epochs: 30), seed: 1).train(tinyData)

    @Test("each token's importance is the top intent's drop without it")
    func leaveOneOut() {
        let prediction = Self.model.predict("give me a refund")
        let importance = Self.model.leaveOneOutImportance(of: prediction)
        #expect(importance.count == 4)
        let top = Self.model.intents.firstIndex(of: prediction.top.intent)!
        for i in 0..<4 {
            var without = prediction.tokens
            without.remove(at: i)
            #expect(importance[i] == prediction.top.confidence - Self.model.probabilities(tokens: without)[top])
        }
        #expect(prediction.top.intent == "refund" && importance[3] > 0, "\"refund\" supports the refund intent")
    }

    @Test("at most `limit` tokens are measured; no tokens, no importance")
    func limits() {
        #expect(Self.model.leaveOneOutImportance(of: Self.model.predict("a b c d e"), limit: 2).count == 2)
        #expect(Self.model.leaveOneOutImportance(of: Self.model.predict("")) == [])
    }
}
