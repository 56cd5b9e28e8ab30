import Testing
import IntentModel

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
