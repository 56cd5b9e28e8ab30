/// Model compression by pruning: fewer vocabulary words, fewer character n-gram buckets.
extension Classifier {
    /// This model keeping only the vocabulary words `keep` accepts (by index and token;
    /// `<pad>` and `<unk>` always stay, the order is kept). A removed word reads as `<unk>`
    /// plus its character n-grams, as any word outside the vocabulary does.
    public func pruningVocabulary(keeping keep: (Int, String) -> Bool) throws(ModelError) -> Classifier {
        let layout = network.layout
        let E = config.embeddingDim
        let kept = vocabulary.tokens.indices.filter { $0 < 2 || keep($0, vocabulary.tokens[$0]) }
        var weights: [Float] = []
        weights.reserveCapacity(parameters.count - members * (vocabulary.count - kept.count) * E)
        for m in 0..<members {
            let base = m * layout.count
            weights.append(contentsOf: parameters[base..<(base + layout.embedding.offset)])
            for w in kept {
                let row = base + layout.embedding.offset + w * E
                weights.append(contentsOf: parameters[row..<(row + E)])
            }
            if let ngram = layout.ngram {
                weights.append(contentsOf: parameters[(base + ngram.offset)..<(base + ngram.offset + ngram.count)])
            }
        }
        return try Classifier(
            config: config, vocabulary: Vocabulary(tokens: kept.map { vocabulary.tokens[$0] }), intents: intents,
            metadata: metadata, parameters: weights
        )
    }

    /// This model with its vocabulary cut to the `size` most frequent entries, `<pad>` and
    /// `<unk>` included (the vocabulary is ordered by training frequency).
    public func pruningVocabulary(to size: Int) throws(ModelError) -> Classifier {
        guard size >= 2 else { throw .invalidConfig("a pruned vocabulary keeps at least <pad> and <unk> (size ≥ 2)") }
        return try pruningVocabulary { index, _ in index < size }
    }

    /// This model with the `fraction` of character n-gram buckets whose embedding rows have
    /// the smallest L2 norms set to zero (ties: the lower bucket index is pruned first); in an
    /// ensemble, the same buckets in every member's table, by the norm of the members' rows
    /// together. A zero row adds nothing to a token vector and is not stored in an int8
    /// checkpoint.
    public func pruningNgrams(fraction: Double) throws(ModelError) -> Classifier {
        guard (0...1).contains(fraction) else { throw .invalidConfig("the n-gram pruning fraction must be in [0, 1]") }
        guard let table = network.layout.ngram else {
            throw .invalidConfig("this model has no character n-grams to prune")
        }
        let E = config.embeddingDim
        let rows = table.shape[0]
        let offsets = (0..<members).map { $0 * network.layout.count + table.offset }
        let norms = (0..<rows).map { r in
            offsets.reduce(Float(0)) { sum, offset in
                parameters[(offset + r * E)..<(offset + (r + 1) * E)].reduce(sum) { $0 + $1 * $1 }
            }
        }
        let order = norms.indices.sorted { norms[$0] != norms[$1] ? norms[$0] < norms[$1] : $0 < $1 }
        var weights = parameters
        for r in order.prefix(Int((Double(rows) * fraction).rounded())) {
            for offset in offsets {
                let start = offset + r * E
                weights.replaceSubrange(start..<(start + E), with: repeatElement(0, count: E))
            }
        }
        return try Classifier(
            config: config, vocabulary: vocabulary, intents: intents, metadata: metadata, parameters: weights)
    }

    /// Number of character n-gram buckets whose embedding row is not all zero (in any member).
    public var liveNgramBuckets: Int {
        guard let table = network.layout.ngram else { return 0 }
        let E = config.embeddingDim
        return (0..<table.shape[0]).count { r in
            (0..<members).contains { m in
                let start = m * network.layout.count + table.offset + r * E
                return parameters[start..<(start + E)].contains { $0 != 0 }
            }
        }
    }
}
