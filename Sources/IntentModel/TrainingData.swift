/// What one training run reads: the intents, a stratified train/validation split, the
/// vocabulary built on the training part, and both parts encoded with their labels.
struct TrainingData {
    /// Intent names, sorted; a label is an index into them.
    let intents: [String]
    /// The examples trained on.
    let train: [LabeledText]
    /// The examples held out for early stopping, calibration and the threshold.
    let validation: [LabeledText]
    let vocabulary: Vocabulary
    /// `train` encoded, with its labels.
    let encoded: [EncodedText], labels: [Int32]
    /// `validation` encoded, with its labels.
    let validationEncoded: [EncodedText], validationLabels: [Int32]

    /// Splits and encodes `examples` for `config`, drawing the split from `rng`.
    init(_ examples: [LabeledText], config: ModelConfig, generator rng: inout SeededGenerator) {
        intents = Array(Set(examples.map(\.intent))).sorted()
        let labelOf = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($1, Int32($0)) })
        (train, validation) = Self.split(examples, config.validationFraction, labelOf: labelOf, generator: &rng)
        let tokenizer = config.tokenizer
        let trainTokens = train.map { Array(tokenizer.tokens($0.text).prefix(config.maxTokens)) }
        vocabulary = Vocabulary(building: trainTokens, maxSize: config.maxVocab)
        let encoder = TextEncoder(config: config, vocabulary: vocabulary)
        encoded = trainTokens.map { encoder.encode(tokens: $0) }
        labels = train.map { labelOf[$0.intent]! }
        validationEncoded = validation.map { encoder.encode($0.text) }
        validationLabels = validation.map { labelOf[$0.intent]! }
    }

    /// A stratified split: `fraction` of each intent's examples (at least one from intents
    /// with three or more) are held out.
    private static func split(
        _ examples: [LabeledText], _ fraction: Double, labelOf: [String: Int32], generator rng: inout SeededGenerator
    ) -> ([LabeledText], [LabeledText]) {
        guard fraction > 0 else { return (examples, []) }
        var byIntent: [Int32: [Int]] = [:]
        for (i, example) in examples.enumerated() { byIntent[labelOf[example.intent]!, default: []].append(i) }
        var held = Set<Int>()
        for label in byIntent.keys.sorted() {
            var indices = byIntent[label]!
            indices.shuffle(using: &rng)
            let count = indices.count >= 3 ? max(1, Int((Double(indices.count) * fraction).rounded())) : 0
            held.formUnion(indices.prefix(count))
        }
        let train = examples.indices.filter { !held.contains($0) }.map { examples[$0] }
        let validation = examples.indices.filter { held.contains($0) }.map { examples[$0] }
        return (train, validation)
    }
}
