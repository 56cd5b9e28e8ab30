import Testing

@testable import IntentModel

@Suite struct TokenizerTests {
    let split = Tokenizer(punctuation: .split)
    let strip = Tokenizer(punctuation: .strip)

    @Test func latinLowercasedAndPunctuationSplit() {
        #expect(split.tokens("Where's my ORDER #48213?!") == ["wheres", "my", "order", "48213"])
        #expect(split.tokens("e-mail me: a@b.com") == ["e", "mail", "me", "a", "b", "com"])
    }

    @Test func keraslikeStripDeletesPunctuation() {
        #expect(strip.tokens("Where's my card-reader, please?") == ["wheres", "my", "cardreader", "please"])
    }

    @Test func cjkIdeographsAreSingleTokens() {
        #expect(split.tokens("我的订单在哪里") == ["我", "的", "订", "单", "在", "哪", "里"])
        #expect(split.tokens("カード届いた") == ["カ", "ー", "ド", "届", "い", "た"])
        #expect(split.tokens("안녕하세요") == ["안", "녕", "하", "세", "요"])
    }

    @Test func mixedScriptsAndDigits() {
        #expect(split.tokens("订单48213还没到 order late") == ["订", "单", "48213", "还", "没", "到", "order", "late"])
    }

    @Test func emojiKeptAsTokens() {
        #expect(split.tokens("thanks👍great") == ["thanks", "👍", "great"])
        #expect(split.tokens("love it ❤️") == ["love", "it", "❤️"])
    }

    @Test func nfkcFoldsCompatibilityForms() {
        #expect(split.tokens("ＦＵＬＬ ｗｉｄｔｈ １２３") == ["full", "width", "123"])
    }

    @Test func emptyAndWhitespaceGiveNoTokens() {
        #expect(split.tokens("") == [])
        #expect(split.tokens("  \t\n ") == [])
        #expect(split.tokens("?!...") == [])
    }

    @Test func invalidUTF8GivesNoTokens() {
        #expect(split.tokens(utf8: [0x68, 0x69, 0xFF, 0xFE]) == [])
        #expect(split.tokens(utf8: Array("hi there".utf8)) == ["hi", "there"])
    }

    @Test func controlCharactersSeparate() {
        #expect(split.tokens("a\u{1B}[31mb") == ["a", "31mb"])
    }

    @Test func vocabularyRanksByCountThenText() {
        let v = Vocabulary(building: [["b", "a", "c"], ["a", "c"], ["d"]], maxSize: 4)
        #expect(v.tokens == ["<pad>", "<unk>", "a", "c"])
        #expect(v.id("b") == Vocabulary.unknownIndex)
        #expect(v.id("c") == 3)
    }
}

/// The ASCII fast paths agree with the general `Character` paths.
@Suite struct ASCIIFastPathTests {
    /// Seeded random ASCII strings over letters, digits, joiners, punctuation and controls.
    static let samples: [String] = {
        var rng = SeededGenerator(seed: 12)
        let alphabet = Array("aZ09 '`-.,!?\t\r\n\u{7F}\u{01}xyQ_/@#$%^&*()[]{}<>;:\"|\\~+=".unicodeScalars)
        return (0..<500).map { _ in
            String(
                String.UnicodeScalarView(
                    (0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        } + ["Don't STOP", "e-mail\r\nme", "it's 4:30pm", ""]
    }()

    @Test("tokens of ASCII text: bytes and Characters agree, under both punctuation rules")
    func tokensAgree() throws {
        for rule in [Tokenizer.Punctuation.split, .strip] {
            let tokenizer = Tokenizer(punctuation: rule)
            for text in Self.samples {
                #expect(
                    try #require(tokenizer.asciiTokens(text)) == tokenizer.characterTokens(text),
                    "\(text.debugDescription)")
            }
        }
        #expect(Tokenizer().asciiTokens("café") == nil)
    }

    @Test("n-gram buckets of an ASCII token equal those of the same Characters")
    func ngramsAgree() {
        var config = ModelConfig.default
        config.ngramMin = 1
        config.ngramMax = 6
        let encoder = TextEncoder(config: config, vocabulary: Vocabulary(tokens: ["<pad>", "<unk>"]))
        for token in ["a", "card", "dont", "x1y2z3w4", "é", "naïve"] {
            let characters = Array("<" + token + ">")
            var expected: [Int32] = []
            for n in 1...6 where n <= characters.count {
                for start in 0...(characters.count - n) {
                    var hasher = FNV1a()
                    for c in characters[start..<start + n] { hasher.combine(c.utf8) }
                    expected.append(Int32(hasher.value % UInt64(config.ngramBuckets)))
                }
            }
            #expect(encoder.ngramBuckets(of: token) == expected, "\(token)")
        }
    }
}
