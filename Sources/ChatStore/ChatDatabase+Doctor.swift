import Assistant
import Foundation
import GRDB

extension ChatDatabase {
    /// The schema of the existing store at `path`, read without changing a byte; a file that
    /// is not a SupportBot store is refused as `open` refuses it.
    public static func schemaStatus(path: String) throws(ChatStoreError) -> SchemaStatus {
        try checkHeader(path: path)
        do {
            let queue = try DatabaseQueue(path: path, configuration: SQLiteFileChecks.readOnlyConfiguration)
            defer { try? queue.close() }
            return try schemaStatus(queue, path: path)
        } catch let error as ChatStoreError {
            throw error
        } catch {
            throw ChatStoreError(path: path, error: error)
        }
    }
}
