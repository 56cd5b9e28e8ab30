import Foundation

extension Redactor {
    /// A pattern for one kind of personal data: its first capture group is the candidate,
    /// which `accept` turns into the UTF-16 length masked (nil: not personal data). `gate`
    /// skips the pattern cheaply on texts that cannot match.
    struct Rule: Sendable {
        let kind: PersonalDataKind
        let pattern: NSRegularExpression
        let gate: @Sendable (TextTraits) -> Bool
        let accept: @Sendable (String) -> Int?

        init(
            _ kind: PersonalDataKind, _ pattern: String, gate: @escaping @Sendable (TextTraits) -> Bool,
            accept: @escaping @Sendable (String) -> Int? = { $0.utf16.count }
        ) {
            (self.kind, self.pattern, self.gate, self.accept) = (kind, Redactor.regex(pattern), gate, accept)
        }
    }

    /// The rules in priority order: where candidates overlap, the earlier rule wins (a
    /// card's digits are never a phone number, an e-mail's name never a stated name).
    static let rules: [Rule] = [
        Rule(
            .secret,
            #"(?i)\b(?:password|passcode|passwd|pwd|pin(?: code| number)?)(?:\s*(?:is|was|:|=)|'s|’s)\s*(\S+)"#,
            gate: { $0.has(["pass", "pwd", "pin"]) }, accept: secretLength),
        Rule(
            .secret, #"(?i)\b(?:cvv2?|cvc2?|security code)\s*(?:is\s*|:\s*|=\s*)?(\d{3,4})\b"#,
            gate: { $0.hasDigit && $0.has(["cv", "security"]) }),
        Rule(.secret, #"密码\s*(?:是|为|:|：)\s*(\S+)"#, gate: \.hasHan, accept: secretLength),
        Rule(
            .email,
            #"(?<![\p{L}\p{N}._%+-])([[\p{L}\p{N}._%+-]--[\p{Han}]]+"#
                + #"@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:\p{L}{2,}|xn--[a-z0-9-]+))"#,
            gate: \.hasAt),
        Rule(.email, speltEmail, gate: { $0.has([" at", "(at", "[at"]) && $0.has(["dot", "."]) }),
        Rule(
            .iban, #"(?<![\p{L}\p{N}])([A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,34})"#,
            gate: { $0.asciiDigits >= 2 }, accept: ibanLength),
        Rule(
            .card, #"(?<![\d-])(\d(?:[ -]?\d){12,22})(?!\d)"#,
            gate: { $0.digits >= 13 }, accept: cardLength),
        Rule(
            .cardExpiry,
            #"(?i)\b(?:exp(?:iry|ires|iration)?(?: date)?|valid (?:thru|through|until))"#
                + #"\.?\s*:?\s*((?:0?[1-9]|1[0-2]) ?/ ?(?:\d{4}|\d{2}))\b"#,
            gate: { $0.hasDigit && $0.has(["exp", "valid"]) }),
        Rule(
            .ssn, #"(?<![\d-])(\d{3}-\d{2}-\d{4})(?![\d-])"#,
            gate: { $0.asciiDigits >= 9 && $0.hasDash }, accept: ssnLength),
        Rule(
            .ssn,
            #"(?i)\b(?:ssn|social security(?: number| no\.?)?)\s*(?:is\s*|:\s*|#\s*)?(\d{3}[ -]?\d{2}[ -]?\d{4})\b"#,
            gate: { $0.asciiDigits >= 9 && $0.has(["ssn", "social"]) }, accept: ssnLength),
        Rule(
            .niNumber, #"(?i)(?<![\p{L}\p{N}])([a-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[a-d])(?![\p{L}\p{N}])"#,
            gate: { $0.digits >= 6 }),
        Rule(.address, streetAddress, gate: \.hasDigit, accept: addressLength),
        Rule(
            .address,
            #"((?:\p{Han}{2,3}(?:省|市)|\p{Han}{2,4}(?:区|县|镇))*"#
                + #"\p{Han}{1,12}(?:路|街|道|巷|弄|胡同)\d{1,5}号(?:\d{1,5}(?:栋|幢|楼|单元|室|号))*)"#,
            gate: { $0.hasDigit && $0.hasHan }),
        Rule(
            .orderID, #"(?<![\p{L}\p{N}])([A-Za-z]-\d{5,})(?![\p{L}\p{N}])"#,
            gate: { $0.hasDash && $0.longestDigitRun >= 5 }),
        Rule(.orderID, #"#\s?(\d{4,})\b"#, gate: { $0.hasHash && $0.longestDigitRun >= 4 }),
        Rule(
            .orderID, #"(?i)\border\s*(?:no\.?|number|num|id)?\s*(?:is\s*)?[:#]?\s*(\d{4,})\b"#,
            gate: { $0.longestDigitRun >= 4 && $0.has(["order"]) }),
        Rule(
            .orderID, #"订单号?\s*(?:是\s*)?[:：#]?\s*(\d{4,})"#,
            gate: { $0.hasHan && $0.longestDigitRun >= 4 }),
        Rule(
            .reference,
            #"(?i)\b(?:ref(?:erence)?|booking|confirmation)(?: (?:no\.?|number|code|ref(?:erence)?|id))?"#
                + #"\s*(?:is\s*)?[:#]?\s*([a-z0-9][a-z0-9-]{3,19})\b"#,
            gate: { $0.has(["ref", "booking", "confirmation"]) }, accept: referenceLength),
        Rule(
            .ip, #"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d)"#,
            gate: { $0.asciiDigits >= 4 && $0.hasDot }, accept: ipLength),
        Rule(
            .ip, #"(?<![\p{L}\p{N}:])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![\p{L}\p{N}:])"#,
            gate: { $0.hasDigit && $0.hasColon }, accept: ipLength),
        Rule(
            .postcode,
            #"(?<![\p{L}\p{N}])([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{5}-\d{4})(?![\p{L}\p{N}])"#,
            gate: { $0.digits >= 2 }),
        Rule(
            .postcode,
            #"(?i)\b(?:post ?code|zip(?: ?code)?|postal code)"#
                + #"\s*(?:is\s*)?[:#]?\s*([a-z0-9]{2,5}(?:[ -]?[a-z0-9]{3,4})?)\b"#,
            gate: { $0.hasDigit && $0.has(["post", "zip"]) },
            accept: { $0.contains(where: \.isASCIIDigit) ? $0.utf16.count : nil }),
        Rule(
            .postcode,
            #"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]"#
                + #"|T[NX]|UT|V[AT]|W[AIVY]),? (\d{5})\b"#,
            gate: { $0.longestDigitRun >= 5 }),
        Rule(.postcode, #"邮编\s*[:：]?\s*(\d{6})"#, gate: { $0.hasHan && $0.longestDigitRun >= 6 }),
        Rule(
            .phone,
            #"(?<![A-Za-z0-9+])((?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(0\)[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?"#
                + #"\d{1,12}(?:[ .-]\d{1,8}){0,5})(?![A-Za-z0-9])"#,
            gate: { $0.digits >= 7 }, accept: phoneLength),
        Rule(.phone, speltPhone, gate: \.mayHaveSpeltDigits, accept: speltPhoneLength),
    ]

    /// "jenny dot k at gmail dot com", "jenny(at)gmail(dot)com", "jenny [at] mail.co.uk".
    private static let speltEmail: String = {
        let dot = #"(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+|\.)"#
        let at = #"(?:\s*[(\[]\s*at\s*[)\]]\s*|\s+at\s+)"#
        let word = #"[\p{L}\p{N}_%+-]+"#
        let tld = #"(?:com|net|org|edu|gov|info|biz|io|co|uk|de|fr|es|it|nl|cn|jp|au|ca|us|me|ie)"#
        return "(?i)(?<![\\p{L}\\p{N}])(\(word)(?:\(dot)\(word))*\(at)"
            + "\(word)(?:\(dot)\(word))*\(dot)\(tld))(?![\\p{L}\\p{N}])"
    }()

    /// "221B Baker Street, London NW1 6XE", "10 downing st", "1600 Amphitheatre Parkway, Mountain View, CA 94043".
    private static let streetAddress: String = {
        let street = "(?:\(streetSuffixPattern))"
        let postcode = #"(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2},? \d{5}(?:-\d{4})?|\d{5}(?:-\d{4})?)"#
        return "(?i)(?<![\\p{L}\\p{N}])((?:(?:flat|apt|apartment|unit|suite) ?\\d{1,4}[a-z]?,? )?\\d{1,5}[a-z]?,? "
            + "(?:[\\p{L}'’.-]+ ){1,4}\(street)\\b\\.?(?:,? (?:[\\p{L}'’-]+ ?){1,3}?)?"
            + "(?:,? ?(?-i:\(postcode)))?)(?![\\p{L}\\p{N}])"
    }()

    /// Seven or more digit words (or digits), "double"/"triple" among them.
    private static let speltPhone =
        #"(?i)(?<![\p{L}\p{N}])((?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\d)"#
        + #"(?:[\s,.-]+|$)){7,})"#

    /// A password after "password is": one word, without the sentence's closing punctuation;
    /// "password is wrong" names no password.
    static func secretLength(_ candidate: String) -> Int? {
        let value = candidate.trimmingCharacters(in: CharacterSet(charactersIn: ".,;!?)\"'”’。，！？"))
        guard !value.isEmpty, !notSecrets.contains(value.lowercased()) else { return nil }
        return value.utf16.count
    }

    /// A reference code holds a digit, or is 5 to 10 capital letters.
    static func referenceLength(_ candidate: String) -> Int? {
        let letters = candidate.allSatisfy { $0.isUppercase && $0.isASCII }
        return candidate.contains(where: \.isASCIIDigit) || (letters && (5...10).contains(candidate.count))
            ? candidate.utf16.count : nil
    }

    /// A street address's name (the words between the house number and "Street") holds no
    /// ordinary word: "2 more days on the road" is none.
    static func addressLength(_ candidate: String) -> Int? {
        let words = candidate.split(separator: " ").map {
            $0.lowercased().trimmingCharacters(in: .punctuationCharacters)
        }
        guard let suffix = words.firstIndex(where: streetSuffixes.contains),
            let number = words[..<suffix].lastIndex(where: { $0.contains(where: \.isASCIIDigit) })
        else { return nil }
        return words[(number + 1)..<suffix].contains(where: ordinaryWords.contains) ? nil : candidate.utf16.count
    }

    private static let streetSuffixes: Set<String> = Set(streetSuffixPattern.split(separator: "|").map(String.init))
    private static let streetSuffixPattern =
        "street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|close|court|ct|place|pl"
        + "|boulevard|blvd|crescent|terrace|gardens|parkway|square|sq|hill|row|mews|grove|walk"

    /// Words after "password is" that describe it instead.
    static let notSecrets: Set<String> = [
        "not", "wrong", "incorrect", "invalid", "expired", "correct", "right", "too", "the", "my", "a", "an", "empty",
        "blank", "missing", "working", "broken", "reset", "changed", "forgotten", "lost", "locked", "same", "different",
        "no", "rejected", "and", "or", "but", "still", "now", "fine", "ok", "okay",
    ]

    /// A pattern compiled once; the patterns are literals, tested to compile.
    static func regex(_ pattern: String) -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch {
            preconditionFailure("pattern \(pattern): \(error)")
        }
    }
}
