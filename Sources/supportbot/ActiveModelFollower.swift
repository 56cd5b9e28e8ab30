import Assistant
import ChatStore
import IntentModel
import Logging

/// Keeps a chat on the registry's active model: before each reply one cheap query reads
/// the active version, and a newly promoted (or rolled-back-to) one answers from that line on.
final class ActiveModelFollower {
    private let database: any StoreBackend
    /// The version the chat answers with.
    private(set) var version: Int64?

    /// Follows the registry of `database` from `version`.
    init(database: any StoreBackend, version: Int64?) {
        self.database = database
        self.version = version
    }

    /// The newly active model when the active version changed since the last look, else nil.
    func changed() throws -> (classifier: Classifier, version: Int64)? {
        guard let active = try database.activeVersion(), active != version,
            let stored = try database.model(version: active)
        else { return nil }
        let classifier = try stored.classifier()
        version = active
        AppLog.logger.info("switched model", metadata: ["version": "\(active)"])
        return (classifier, active)
    }

    /// Switches `session` to the newly active model, if there is one; returns its version.
    @discardableResult
    func refresh(_ session: ChatSession) throws -> Int64? {
        guard let (classifier, version) = try changed() else { return nil }
        session.use(classifier, version: version)
        return version
    }
}
