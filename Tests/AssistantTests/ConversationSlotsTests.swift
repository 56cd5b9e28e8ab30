import Assistant
import Testing

@Suite struct ConversationSlotsTests {
    func slots(_ texts: String...) -> [String: String] {
        var slots = ConversationSlots(agentName: "Sam")
        texts.forEach { slots.absorb($0) }
        return slots.values
    }

    @Test(arguments: [
        ("order #48213 still says processing", "48213"),
        ("hi can u check order 1029384 pls", "1029384"),
        ("is order A-5561023 confirmed yet", "A-5561023"),
        ("status of order no. 77812?", "77812"),
        ("我的订单号 20231105 到哪了", "20231105"),
    ])
    func orderNumbers(text: String, expected: String) {
        #expect(slots(text)["order_id"] == expected)
    }

    @Test func emailAndNames() {
        let values = slots("my name is jenny, email jenny.k@gmail.com")
        #expect(values["email"] == "jenny.k@gmail.com")
        #expect(values["customer_name"] == "jenny")
        #expect(values["agent_name"] == "Sam")
        #expect(slots("Hi, I'm Omar")["customer_name"] == "Omar")
        #expect(slots("我叫李雷")["customer_name"] == "李雷")
        #expect(slots("i'm waiting for my parcel")["customer_name"] == nil)
    }

    @Test func laterMentionWinsAndEarlierSlotsStay() {
        let values = slots("order 11111 is late", "my email is a@b.co", "sorry, I meant order 22222")
        #expect(values["order_id"] == "22222")
        #expect(values["email"] == "a@b.co")
    }

    @Test func noSlotsInPlainText() {
        #expect(slots("where is my stuff") == ["agent_name": "Sam"])
    }
}
