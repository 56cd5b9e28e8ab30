import Foundation
import Testing

@testable import Assistant

@Suite struct RedactorTests {
    @Test(arguments: [
        ("order #48213 still says processing", "order #<order_id> still says processing"),
        ("is order A-5561023 confirmed yet", "is order <order_id> confirmed yet"),
        ("status of order no. 77812?", "status of order no. <order_id>?"),
        ("我的订单号 20231105 到哪了", "我的订单号 <order_id> 到哪了"),
        ("mail jenny.k@gmail.com or j2@shop.co.uk", "mail <email> or <email>"),
        ("call +1 (555) 123-4567 or 555.123.4567", "call <phone> or <phone>"),
        ("我的电话是13812345678", "我的电话是<phone>"),
        ("我的电话是１３８１２３４５６７８", "我的电话是<phone>"),
        ("卡号 ４１１１ １１１１ １１１１ １１１１", "卡号 <card>"),
        ("my name is Jenny, thanks", "my name is <name>, thanks"),
        ("My Name Is jenny", "My Name Is <name>"),
        ("你好，我叫张三", "你好，我叫<name>"),
        ("I'm Jenny Lee and this is urgent", "I'm <name> and this is urgent"),
        ("card 4111 1111 1111 1111 exp 12/27 cvv 123", "card <card> exp <card_expiry> cvv <secret>"),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN <iban> please"),
        ("ip 10.0.0.255, ssn 078-05-1120, NI AB 12 34 56 C", "ip <ip>, ssn <ssn>, NI <ni_number>"),
        ("ship to 10 Downing Street, London SW1A 2AA today", "ship to <address> today"),
        ("postcode is M1 1AE", "postcode is <postcode>"),
        ("booking ref XK9P2Q, password is s3cret.", "booking ref <reference>, password is <secret>."),
    ])
    func masksPersonalDataWithTypedPlaceholders(text: String, expected: String) {
        #expect(Redactor.redact(text) == expected)
    }

    @Test func cardsAndIBANsNeedTheirCheckDigits() {
        #expect(Redactor.luhn("4111111111111111") && !Redactor.luhn("4111111111111112"))
        #expect(Redactor.mod97("GB82WEST12345698765432") == 1 && Redactor.mod97("GB83WEST12345698765432") != 1)
        // A 16-digit number failing Luhn is no card (and too long for a phone number).
        #expect(Redactor.redact("code 4111 1111 1111 1112") == "code 4111 1111 1111 1112")
        #expect(Redactor.redact("GB83 WEST 1234 5698 7654 32").contains("WEST"))
        // The card stops at its last valid group: the trailing quantity is no part of it.
        #expect(Redactor.redact("4111 1111 1111 1111 12 times") == "<card> 12 times")
    }

    @Test func phoneNumbersAreNotDatesPricesOrAddresses() {
        #expect(
            Redactor.redact("on 29.11.2026 at 2026-11-29 for 1234567.89")
                == "on 29.11.2026 at 2026-11-29 for 1234567.89")
        #expect(Redactor.redact("ip 300.1.1.1") == "ip 300.1.1.1")
        #expect(Redactor.redact("at 10:30:45") == "at 10:30:45")
    }

    @Test func knownValuesAreMaskedAsWholeWordsWherever() {
        var known = KnownPersonalValues()
        known.learn(from: "my name is Al Stone, order #48213, al@x.io, +44 7700 900123")
        #expect(
            known.values["Al Stone"] == .name && known.values["Stone"] == .name && known.values["48213"] == .orderID)
        #expect(
            Redactor.redact("Also, Al: order 48213 ships today, Stone.", known: known)
                == "Also, <name>: order <order_id> ships today, <name>.")
        #expect(
            Redactor.redact("Hello Al Stone! We text +44 7700 900123.", known: known)
                == "Hello <name>! We text <phone>.")
        var chinese = KnownPersonalValues()
        chinese.learn(from: "我叫李雷")
        #expect(Redactor.redact("李雷你好", known: chinese) == "<name>你好")
    }

    @Test func matchesGiveKindValueAndPlace() {
        let matches = Redactor.matches(in: "I'm Omar, omar@x.io")
        #expect(
            matches == [
                PersonalDataMatch(kind: .name, value: "Omar", location: 4, length: 4),
                PersonalDataMatch(kind: .email, value: "omar@x.io", location: 10, length: 9),
            ])
    }

    /// Every text the other redactor tests use, the fuzz corpus, and digits beyond ASCII.
    static func gateSamples() throws -> [String] {
        let corpus = RedactorFuzzReplayTests.root.appendingPathComponent("Fuzz/corpus/redactor")
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
        return RedactionAcceptanceTests.personalData.map(\.0) + RedactionAcceptanceTests.ordinary
            + files.map { String(decoding: (try? Data(contentsOf: $0)) ?? Data(), as: UTF8.self) } + [
                "card ４１１１ １１１１ １１１１ １１１１ please", "订单号 ２０２３１１０５", "order #٤٨٢١٣٤", "zip ９４０４３-１２３４",
                "NI QQ １２ ３４ ５６ C", "CA ９４０４３", "邮编 １０００８３", "ref 1-23456 and a-12345", "1.2.3.4 and 078-05-1120",
                "call oh oh oh oh oh oh oh", "1 2 3 oh 4 5 6", "1 2 3 4 5 6 7 8", "double 1 2 3 4 5 6",
            ]
    }

    @Test func gatesNeverSkipARuleThatWouldMatch() throws {
        let samples = try Self.gateSamples()
        #expect(samples.count > 100)
        for text in samples {
            #expect(Redactor.matches(in: text) == Redactor.matches(in: text, traits: .allOpen), "\(text)")
        }
    }

    /// A phone number spelt with no digit word but "oh" (or in single digits) is one too: the
    /// spelt pattern's gate once looked for "zero" … "nine" only, and let these through.
    @Test func speltPhoneNumbersOfOhsAndSingleDigitsAreRedacted() {
        #expect(Redactor.redact("call oh oh oh oh oh oh oh please") == "call <phone> please")
        #expect(Redactor.redact("it is 1 2 3 oh 4 5 6") == "it is <phone>")
        #expect(Redactor.redact("digits 1 2 3 4 5 6 7 8 ok") == "digits <phone> ok")
        #expect(Redactor.redact("Oh, John, the phone is fine") == "Oh, John, the phone is fine")
    }

    @Test func knownValuesMeetCanonicallyEquivalentSpellings() {
        var known = KnownPersonalValues()
        known.insert("Jos\u{E9} Smith", as: .name)  // precomposed é
        known.insert("Rene\u{301}", as: .name)  // e + combining acute
        #expect(Redactor.redact("Hello Jose\u{301} Smith and Ren\u{E9}!", known: known) == "Hello <name> and <name>!")
        #expect(Redactor.redact("Hello Jose Smith", known: known) == "Hello Jose Smith")
    }

    @Test func ofOverlappingMatchesTheFirstListedWinsAndTheResultIsInTextOrder() {
        func match(_ location: Int, _ length: Int) -> PersonalDataMatch {
            PersonalDataMatch(kind: .phone, value: "", location: location, length: length)
        }
        let kept = Redactor.nonOverlapping([
            match(10, 5), match(12, 8), match(0, 3), match(3, 7), match(2, 2), match(15, 1),
        ])
        #expect(kept == [match(0, 3), match(3, 7), match(10, 5), match(15, 1)])
    }

    @Test func everyPatternCompilesAndEveryKindHasARule() {
        #expect(Set(Redactor.rules.map(\.kind)).union([.name]) == Set(PersonalDataKind.allCases))
        #expect(PersonalDataKind.allCases.map(\.placeholder).contains("<order_id>"))
    }
}
