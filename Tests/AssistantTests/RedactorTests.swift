import Assistant
import Testing

@Suite struct RedactorTests {
    @Test(arguments: [
        ("order #48213 still says processing", "order #<order_id> still says processing"),
        ("is order A-5561023 confirmed yet", "is order <order_id> confirmed yet"),
        ("status of order no. 77812?", "status of order no. <order_id>?"),
        ("我的订单号 20231105 到哪了", "我的订单号 <order_id> 到哪了"),
        ("mail jenny.k@gmail.com or j2@shop.co.uk", "mail <email> or <email>"),
        ("call +1 (555) 123-4567 or 555.123.4567", "call <phone> or <phone>"),
        ("我的电话是13812345678", "我的电话是<phone>"),
        ("my name is Jenny, thanks", "my name is <name>, thanks"),
        ("My Name Is jenny", "My Name Is <name>"),
        ("你好，我叫张三", "你好，我叫<name>"),
    ])
    func masksPersonalData(text: String, expected: String) {
        #expect(Redactor.redact(text) == expected)
    }

    @Test(arguments: [
        "where is my order",
        "delivered on 2026-11-29, I ordered 2 items for 35.99",
        "I'm Jenny and this is urgent",
        "我想退款",
    ])
    func leavesOtherTextAlone(text: String) {
        #expect(Redactor.redact(text) == text)
    }

    @Test func knownValuesAreMaskedAsWholeWords() {
        let known = Redactor.personalValues(in: "my name is Al, order #48213, al@x.io")
        #expect(known == ["Al": "<name>", "48213": "<order_id>", "al@x.io": "<email>"])
        #expect(Redactor.redact("Also, Al: order 48213 ships today.", known: known) == "Also, <name>: order <order_id> ships today.")
    }
}
