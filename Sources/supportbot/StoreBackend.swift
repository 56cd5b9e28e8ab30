import Assistant
import ChatStore
import Foundation
import IntentModel
import PostgresStore

/// What the commands that run on either store need of it: the assistant's store protocols,
/// loading intents, the training and evaluation sets, the registry's cheap version check,
/// settings, thresholds, templates, stats, exports, review, the conversation browser, imports,
/// forgetting and the registry. SQLite (`ChatDatabase`) and PostgreSQL (`PostgresChatDatabase`) both conform.
protocol StoreBackend: SessionStore, ModelCatalog, RowStore, SettingsStore, ThresholdLog, TemplateEditor,
    StatsSource, TranscriptSource, ReviewSource, ConversationBrowser, ExampleImporter, ConversationForgetting
{
    /// Loads an intents dataset, idempotently.
    func sync(_ dataset: Dataset, at time: Date) throws -> SyncSummary
    /// Whether any intent has been loaded.
    func hasIntents() throws -> Bool
    /// The training examples (evaluation texts left out) and how many came from each origin.
    func trainingSet() throws -> (examples: [LabeledText], byOrigin: [String: Int])
    /// The fixed evaluation set.
    func evaluationExamples() throws -> [DatasetExample]
    /// The active model's version.
    func activeVersion() throws -> Int64?
    /// The model of `version`, nil when there is none or it was deleted.
    func model(version: Int64) throws -> StoredModel?
    /// Makes `version` the active model.
    func promote(version: Int64, by agent: String, at time: Date) throws
    /// The database role the store's connection works as (PostgreSQL); nil where there is
    /// none (SQLite: whoever can write the file).
    func databaseRole() throws -> String?
}

extension ChatDatabase: StoreBackend {
    func databaseRole() throws -> String? { nil }
}

extension PostgresChatDatabase: StoreBackend {
    func databaseRole() throws -> String? { try role() }
}
