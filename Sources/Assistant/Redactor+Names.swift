import Foundation

// Names given in an introduction: "my name is Alice Smith", "I'm Bob", "call me Jo",
// "name: Ann Lee", "我叫张三", "我是李雷". After a plain introduction ("my name is", "call me",
// "name:") any word that is not an ordinary word is a name; after "I'm", "I am" or "this is"
// only capitalised ones are ("I'm waiting" names nobody). Up to three more name words follow.
extension Redactor {
    /// Introductions after which the next words name the writer, whatever their case.
    private static let plainIntroduction = regex(
        #"(?i)(?<![\p{L}])(?:my name is|my name['’]s|my names is|my full name is|call me"#
            + #"|(?:full )?name ?[:：=]|name is)[ \t]*"#
    )
    /// Introductions after which only capitalised words are a name.
    private static let capitalisedIntroduction = regex(
        #"(?<![\p{L}])(?:[Ii]['’]m|[Ii] am|[Ii]m|[Tt]his is|THIS IS|I AM)[ \t]+"#)
    /// Chinese introductions and the run of ideographs after them.
    private static let chineseIntroduction = regex(#"(我叫|我的名字是|我的名字叫|我名字叫|我是)\s*(\p{Han}{1,8})"#)

    /// The names introduced in `text`.
    static func names(in text: String, _ units: [UInt16], _ traits: TextTraits) -> [PersonalDataMatch] {
        var found: [PersonalDataMatch] = []
        let whole = NSRange(location: 0, length: units.count)
        if traits.has(["name", "call me"]) {
            for match in plainIntroduction.matches(in: text, range: whole) {
                found += nameWords(after: match.range.upperBound, in: units, capitalised: false)
            }
        }
        if traits.has(["i'm", "i’m", "i am", "im ", "this is"]) {
            for match in capitalisedIntroduction.matches(in: text, range: whole) {
                found += nameWords(after: match.range.upperBound, in: units, capitalised: true)
            }
        }
        if traits.hasHan {
            for match in chineseIntroduction.matches(in: text, range: whole) {
                found += chineseName(match, in: units)
            }
        }
        return found
    }

    /// The name words starting at `start`: a title is skipped, then up to four words that are
    /// not ordinary (each capitalised when `capitalised`, or when the first one was).
    private static func nameWords(after start: Int, in units: [UInt16], capitalised: Bool) -> [PersonalDataMatch] {
        var words = NameWords(units: units, position: start)
        guard var word = words.next() else { return [] }
        if titles.contains(word.lowered), let next = words.next() { word = next }
        guard word.isName, !capitalised || word.isCapitalised else { return [] }
        let needsCapital = capitalised || word.isCapitalised
        var end = word.end
        for _ in 0..<3 {
            guard let next = words.next(), next.isName || particles.contains(next.lowered),
                !needsCapital || next.isCapitalised || particles.contains(next.lowered)
            else { break }
            if next.isName { end = next.end }
        }
        let value = String(decoding: units[word.start..<end], as: UTF16.self)
        return [PersonalDataMatch(kind: .name, value: value, location: word.start, length: end - word.start)]
    }

    /// The Chinese name in `match`: up to three ideographs (four with a two-character surname)
    /// before a character that starts the rest of the sentence; after "我是" only a name
    /// beginning with a common surname, two characters at least ("我是新用户" names nobody).
    private static func chineseName(_ match: NSTextCheckingResult, in units: [UInt16]) -> [PersonalDataMatch] {
        let run = String(decoding: units[match.range(at: 2).location..<match.range(at: 2).upperBound], as: UTF16.self)
        let surnameLength = compoundSurnames.contains(where: run.hasPrefix) ? 2 : 1
        var name = String(run.prefix(surnameLength))
        for character in run.dropFirst(surnameLength).prefix(2) {
            if sentenceStarters.contains(character) { break }
            name.append(character)
        }
        let trigger = String(
            decoding: units[match.range(at: 1).location..<match.range(at: 1).upperBound], as: UTF16.self)
        if trigger == "我是", name.count < 2 || !(surnameLength == 2 || commonSurnames.contains(name.first ?? " ")) {
            return []
        }
        return [
            PersonalDataMatch(kind: .name, value: name, location: match.range(at: 2).location, length: name.utf16.count)
        ]
    }

    private static let titles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "madam",
    ]
    private static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al",
    ]
    private static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "慕容", "皇甫", "令狐", "司徒", "夏侯"]
    private static let commonSurnames = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    private static let sentenceStarters = Set("想要的了在是你我请问查找买退有和跟说今昨明订帮先女，。！？、")
}

/// The words of a text from a position on: letters with inner apostrophes and hyphens (and
/// a title's dot), separated by spaces only; anything else (a comma, a digit) ends the run.
struct NameWords {
    /// One word: its UTF-16 range and text.
    struct Word {
        let start: Int, end: Int, text: String
        var lowered: String { text.lowercased() }
        var isCapitalised: Bool { text.first?.isUppercase ?? false }
        /// Letters, two at least (or one capital), and not an ordinary word.
        var isName: Bool { (text.count >= 2 || isCapitalised) && !Redactor.ordinaryWords.contains(lowered) }
    }

    let units: [UInt16]
    var position: Int
    private var ended = false, first = true

    init(units: [UInt16], position: Int) {
        (self.units, self.position) = (units, position)
    }

    mutating func next() -> Word? {
        guard !ended else { return nil }
        if !first, position >= units.count || !Self.isSpace(units[position]) { return nil }
        first = false
        while position < units.count, Self.isSpace(units[position]) { position += 1 }
        let start = position
        while position < units.count, Self.isLetter(units[position]) || Self.isInner(units[position]) { position += 1 }
        var end = position
        while end > start, Self.isInner(units[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        let text = String(decoding: units[start..<end], as: UTF16.self)
        if end < units.count, units[end] == 0x2E, Self.dottedTitles.contains(text.lowercased()) {
            end += 1
        }
        position = end
        if position < units.count, !Self.isSpace(units[position]) { ended = true }
        return Word(start: start, end: end, text: text)
    }

    private static let dottedTitles: Set<String> = ["mr", "mrs", "ms", "dr", "prof"]
    private static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0xA0 }
    private static func isInner(_ unit: UInt16) -> Bool { unit == 0x27 || unit == 0x2019 || unit == 0x2D }
    /// Latin, Greek and Cyrillic letters (ideographs are the Chinese rule's).
    private static func isLetter(_ unit: UInt16) -> Bool {
        (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) || (0x370...0x4FF).contains(unit)
            || ((0xC0...0x24F).contains(unit) && unit != 0xD7 && unit != 0xF7)
    }
}
