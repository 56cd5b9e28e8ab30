/// The demo played when no script is named and `./demos/en.demo` is absent: a copy of that
/// file (an end-to-end test keeps the two the same).
enum BuiltInDemo {
    /// `demos/en.demo`.
    static let english = """
        # SupportBot, the English tour: about two and a half minutes at --speed 1.
        # A step a line; see "Demo mode" in the README. Played by: supportbot demo demos/en.demo

        caption: SupportBot answers the customers of an online shop. Watch the live intent panel while the customer \
        types.
        customer: hi there
        pause 1s

        caption: Customers write in many ways: the classifier reads words and their pieces, so typos still land.
        customer: my parcel is late again
        customer: i was chraged twice for the same ordr
        customer: how much is delivery to canada

        caption: Out of scope: a question the shop cannot answer gets a polite redirect, not a wild guess.
        customer: can you book me a table at a pizza place

        caption: Below the confidence threshold the bot does not guess: it asks the customer to rephrase.
        customer: the thing i mentioned
        pause 1s

        caption: The customer asks for a person: the conversation goes to a human agent and the bot stays quiet.
        customer: can i speak to a real person
        agent: Hi, this is the support team. I can see your messages above; let me check that for you.
        pause 1s
        caption: The agent gives the conversation back; the bot answers the next line again.
        handback

        caption: Wrong or unsure? One key (Ctrl-R) gives the turn its right intent: a label for the next training run \
        and live accuracy.
        customer: is 48213 coming or not
        relabel: order_status
        pause 1s

        caption: The review queue: turns still needing a label, lowest confidence first.
        screen: review
        pause 2s

        caption: The monitor: fallback rate, confidence, intent mix and live accuracy from the labels, for this demo \
        only.
        screen: monitor
        pause 3s

        caption: The model registry: every trained version with its scores; promote or roll back from here.
        screen: models
        pause 2s

        caption: A new conversation: every turn is logged, and this demo's store is thrown away at exit.
        screen: chat
        new
        customer: is the blue hoodie in stock in medium
        customer: thanks, that's all
        caption: That is SupportBot: phrasings and typos understood, scope kept, fallbacks and hand-offs, relabels, \
        the monitor.
        pause 3s
        """
}
