import Assistant
import ChatStore
import Foundation
import GRDB
import IntentModel
import Testing

/// The registry: promotions and rollbacks as events, delete and prune keep the active model.
@Suite struct RegistryTests {
    func model(_ store: ChatDatabase, _ byte: UInt8, activate: Bool, agent: String = "Sam") throws -> Int64 {
        let metadata = ModelMetadata(
            dataHash: "h\(byte)", seed: 1, trainingExamples: 6, validationExamples: 0, epochsRun: 1, bestEpoch: 1)
        return try store.addModel(
            NewModel(
                config: .default, metadata: metadata, checkpoint: [byte], created: StoreFixtures.time, quantized: false,
                examplesByOrigin: ["file": 6], agent: agent
            ), activate: activate)
    }

    @Test func promoteRollbackAndHistory() throws {
        let store = try ChatDatabase.inMemory()
        #expect(throws: StoreError.noEarlierModel) { try store.rollback(by: "Sam", at: StoreFixtures.time) }
        // addModel(activate:) smoke-tests a real checkpoint; these stand-ins are promoted instead.
        let one = try model(store, 1, activate: false)
        let two = try model(store, 2, activate: false)
        let three = try model(store, 3, activate: false)
        try store.promote(version: one, by: "Sam", at: StoreFixtures.time)
        #expect(try store.activeVersion() == one)
        try store.promote(version: two, by: "Kim", at: StoreFixtures.time)
        try store.promote(version: three, by: "Kim", at: StoreFixtures.time)
        #expect(try store.rollback(by: "Lee", at: StoreFixtures.time) == (from: three, to: two))
        #expect(try store.activeVersion() == two)
        let events = try store.modelEvents()
        #expect(events.map(\.kind) == ["promote", "promote", "promote", "rollback"])
        #expect(events.map(\.from) == [nil, one, two, three] && events.map(\.to) == [one, two, three, two])
        #expect(events.map(\.agent) == ["Sam", "Kim", "Kim", "Lee"])
        let listed = try store.registeredModels()
        #expect(listed.map(\.isActive) == [false, true, false])
        #expect(listed[1].promotedBy == "Lee" && listed[0].examplesByOrigin == ["file": 6] && listed[0].sizeBytes == 1)
        #expect(throws: StoreError.unknownModel(9)) { try store.promote(version: 9, by: "Sam", at: StoreFixtures.time) }
    }

    /// The model row is read column by column: a row whose date cannot be read is an error,
    /// not a crash, and the other queries still answer.
    @Test func anUnreadableModelRowIsAnError() throws {
        let queue = try DatabaseQueue()
        let store = try ChatDatabase(queue)
        let version = try model(store, 7, activate: false)
        try store.promote(version: version, by: "Sam", at: StoreFixtures.time)
        #expect(try store.activeModel()?.checkpoint == [7])
        #expect(try store.model(version: version)?.version == version)
        try queue.write { db in try db.execute(sql: "UPDATE model SET createdAt = 'not a date'") }
        #expect(throws: (any Error).self) { try store.activeModel() }
        #expect(throws: (any Error).self) { try store.model(version: version) }
        #expect(try store.activeVersion() == version)
    }

    @Test func deleteAndPruneNeverTouchTheActiveModel() throws {
        let store = try ChatDatabase.inMemory()
        let versions = try (1...5).map { try model(store, UInt8($0), activate: false) }
        try store.promote(version: 2, by: "Sam", at: StoreFixtures.time)
        #expect(throws: StoreError.activeModel(2)) { try store.deleteModel(version: 2, at: StoreFixtures.time) }
        try store.deleteModel(version: 1, at: StoreFixtures.time)
        #expect(try store.model(version: 1) == nil)
        #expect(throws: StoreError.unknownModel(1)) { try store.deleteModel(version: 1, at: StoreFixtures.time) }
        #expect(try store.pruneModels(keep: 1, at: StoreFixtures.time) == [3, 4])
        #expect(try store.registeredModels().map(\.version) == [2, 5])
        #expect(versions == [1, 2, 3, 4, 5])
        #expect(throws: StoreError.unknownModel(3)) { try store.promote(version: 3, by: "Sam", at: StoreFixtures.time) }
    }
}
