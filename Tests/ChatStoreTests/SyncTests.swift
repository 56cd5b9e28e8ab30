import Assistant
import ChatStore
import Foundation
import IntentModel
import Testing

@Suite struct SyncTests {
    @Test func aNewStoreHasNoIntentsUntilLoaded() throws {
        // The reserved out_of_scope intent exists from the start; a first start must still load ./intents.
        let store = try ChatDatabase.inMemory()
        #expect(try store.intentNames() == [IntentDefinition.outOfScope])
        #expect(try !store.hasIntents())
        _ = try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        #expect(try store.hasIntents())
    }

    @Test func loadingTwiceChangesNothing() throws {
        let store = try ChatDatabase.inMemory()
        let first = try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        #expect(first.intentsAdded == 3 && first.templatesAdded == 6 && first.examplesAdded == 6)
        let before = try store.listTemplates()
        let second = try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time.addingTimeInterval(60))
        #expect(second.isEmpty)
        #expect(try store.listTemplates() == before)
        #expect(try store.trainingExamples().count == 6)
        #expect(try store.action(for: "talk_to_human") == .handoff)
        #expect(try store.templates(for: "greet").map(\.language).sorted() == ["en", "en", "zh"])
    }

    @Test func anEditedFileUpdatesItsIntent() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        var files = StoreFixtures.standardFiles
        files["en/order_status.yaml"] = """
            intent: order_status
            description: Asks where an order is.
            action: handoff
            examples:
              - where is my order
              - any news on my parcel
            responses:
              - Let me look up order {{order_id}} for you.
              - text: Your order is on its way.
                weight: 3
            """
        let summary = try store.sync(StoreFixtures.dataset(files), at: StoreFixtures.time)
        #expect(summary.intentsUpdated == 1)
        #expect(summary.templatesAdded == 1 && summary.templatesRemoved == 1)
        #expect(summary.examplesAdded == 1 && summary.examplesRemoved == 1)
        #expect(try store.action(for: "order_status") == .handoff)
        let texts = try store.templates(for: "order_status").map(\.text).sorted()
        #expect(texts == ["Let me look up order {{order_id}} for you.", "Your order is on its way."])
        #expect(try store.templates(for: "order_status").first { $0.text.hasPrefix("Your") }?.weight == 3)
        #expect(try store.trainingExamples().contains { $0.text == "any news on my parcel" })
        #expect(try !store.trainingExamples().contains { $0.text == "has my order shipped" })
    }

    @Test func aTemplateEditedInTheStoreSurvivesSync() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        let original = try #require(try store.templates(for: "greet").first { $0.text == "Hello! How can I help?" })
        try store.editTemplate(id: original.id, text: "Hey! What can we do for you today?", at: StoreFixtures.time)
        let added = try store.addTemplate(
            intent: "greet", text: "Good day, {{customer_name}}!", language: "en", at: StoreFixtures.time)

        let summary = try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        #expect(summary.isEmpty && summary.templatesKept == 1)
        let greet = try store.templates(for: "greet")
        #expect(greet.first { $0.id == original.id }?.text == "Hey! What can we do for you today?")
        #expect(greet.first { $0.id == original.id }?.origin == .store)
        #expect(greet.contains { $0.id == added })
        #expect(!greet.contains { $0.text == "Hello! How can I help?" })

        // Even when the file changes that variant, the store's edit stays; the file's new text joins it.
        var files = StoreFixtures.standardFiles
        files["en/greet.yaml"] = StoreFixtures.greet.replacingOccurrences(
            of: "Hello! How can I help?", with: "Hello! How may I help?")
        let changed = try store.sync(StoreFixtures.dataset(files), at: StoreFixtures.time)
        #expect(changed.templatesAdded == 1 && changed.templatesRemoved == 0)
        #expect(
            try store.templates(for: "greet").first { $0.id == original.id }?.text
                == "Hey! What can we do for you today?")
    }

    @Test func removingAnIntentFileRemovesItsFileTemplatesAndExamples() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        var files = StoreFixtures.standardFiles
        files["en/talk_to_human.yaml"] = nil
        let summary = try store.sync(StoreFixtures.dataset(files), at: StoreFixtures.time)
        #expect(summary.templatesRemoved == 1 && summary.examplesRemoved == 1)
        #expect(try store.templates(for: "talk_to_human").isEmpty)
    }

    @Test func templateCommandsCheckTheirInput() throws {
        let store = try ChatDatabase.inMemory()
        try store.sync(StoreFixtures.dataset(), at: StoreFixtures.time)
        #expect(throws: StoreError.unknownIntent("nope")) {
            try store.addTemplate(intent: "nope", text: "x", language: "en", at: StoreFixtures.time)
        }
        #expect(throws: TemplateRenderer.InvalidTemplate.self) {
            try store.addTemplate(intent: "greet", text: "Hi {{nick}}", language: "en", at: StoreFixtures.time)
        }
        #expect(throws: StoreError.unknownTemplate(999)) {
            try store.editTemplate(id: 999, text: "x", at: StoreFixtures.time)
        }
        #expect(throws: StoreError.unknownTemplate(999)) { try store.removeTemplate(id: 999) }
        let id = try #require(try store.listTemplates(intent: "greet").first?.id)
        try store.removeTemplate(id: id)
        #expect(try !store.listTemplates().contains { $0.id == id })
    }
}
