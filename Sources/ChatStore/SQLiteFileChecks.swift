import Assistant
import Foundation
import GRDB

/// The `doctor` checks that only an SQLite store file has — its permissions, its journal (WAL)
/// and the integrity of its pages — kept here, in one place, so that another backend can
/// report each of `names` as not applicable.
public enum SQLiteFileChecks {
    /// The checks `run` makes, in order.
    public static let names = ["permissions", "journal", "integrity"]

    /// A WAL larger than this means checkpoints are not keeping up (a reader holds them back).
    static let largeWAL: Int64 = 64 << 20

    /// Connections that change nothing: read-only, no WAL switch; they wait out another
    /// process's checkpoint as the store's own connections do, and are set up as the store's
    /// writer is (`ChatDatabase.applyDurability`), so their `PRAGMA synchronous` is the writer's.
    static var readOnlyConfiguration: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase(ChatDatabase.applyDurability)
        return configuration
    }

    /// Checks the SupportBot store file at `path` (an existing SQLite file), one result per
    /// name in `names`; nothing is written.
    public static func run(path: String) -> [HealthCheck] {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: readOnlyConfiguration)
        } catch {
            let detail = ChatStoreError(path: path, error: error).detail
            return [permissions(path: path)]
                + names.dropFirst().map {
                    .failure($0, "cannot open the file: \(detail)", fix: "check the file with `ls -l \(path)*`")
                }
        }
        defer { try? queue.close() }
        return [permissions(path: path), journal(queue, path: path), integrity(queue, path: path)]
    }

    /// The store and its `-wal`, `-shm` must be private to their owner (they hold customer
    /// text) and writable by the user running `doctor`, in a writable folder.
    static func permissions(path: String) -> HealthCheck {
        var open: [String] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            open.append(
                "\(URL(fileURLWithPath: file).lastPathComponent) is mode \(String(info.st_mode & 0o777, radix: 8))")
        }
        if !open.isEmpty {
            return .failure(
                "permissions", "\(open.joined(separator: ", ")): others can read customer text",
                fix: "chmod 600 \(path)* (any other supportbot command on the store also tightens it)")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(path, W_OK) != 0 || access(directory, W_OK) != 0 {
            return .warning(
                "permissions", "the store or its folder is not writable by you: chat cannot log turns",
                fix: "chmod u+w \(path) \(directory), or run as the store's owner")
        }
        return .ok("permissions", "mode 600, writable")
    }

    /// WAL mode (agents chat at once), a WAL that checkpoints keep small, and durability: the
    /// `durability` setting and the `synchronous` a writer connection runs with, a warning when
    /// they differ (a value `settings set` would refuse, written by hand).
    static func journal(_ queue: DatabaseQueue, path: String) -> HealthCheck {
        do {
            let (mode, durability, synchronous) = try queue.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
                    try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'durability'") ?? "normal",
                    try ChatDatabase.synchronous(db)
                )
            }
            guard mode.lowercased() == "wal" else {
                return .failure(
                    "journal", "journal mode \(mode), not WAL: agents chatting at once block each other",
                    fix: "run `supportbot sync --db \(path)` once: opening a store for writing switches it to WAL")
            }
            let size = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int64) ?? 0
            let checkpointed = "WAL, \(HealthCheck.size(size)) not yet checkpointed"
            guard durability == synchronous else {
                return .warning(
                    "journal",
                    "\(checkpointed), durability setting '\(durability)' but the writer runs synchronous "
                        + synchronous.uppercased(),
                    fix: "`supportbot settings set durability normal --db \(path)` (or full)")
            }
            let detail = "\(checkpointed), durability \(durability) (writer synchronous \(synchronous.uppercased()))"
            guard size <= largeWAL else {
                return .warning(
                    "journal", detail + ": a long-lived reader keeps checkpoints from finishing",
                    fix: "stop idle processes holding the store (`fuser \(path)`); the next write checkpoints")
            }
            return .ok("journal", detail)
        } catch {
            return .failure(
                "journal", ChatStoreError(path: path, error: error).detail, fix: "check the file with `ls -l \(path)*`")
        }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: every page, index and reference sound.
    static func integrity(_ queue: DatabaseQueue, path: String) -> HealthCheck {
        let fix =
            """
            restore the last good backup: `supportbot restore BACKUP --db \(path)` (take `supportbot backup` of \
            it first)
            """
        do {
            let (problems, orphans) = try queue.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check(20)").filter { $0 != "ok" },
                    try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
                )
            }
            if let first = problems.first {
                return .failure(
                    "integrity",
                    "integrity_check: \(first)" + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""),
                    fix: fix)
            }
            if orphans > 0 {
                return .failure(
                    "integrity", "\(orphans) rows refer to rows that are gone (foreign_key_check)", fix: fix)
            }
            return .ok("integrity", "integrity_check ok, foreign keys ok")
        } catch {
            return .failure("integrity", ChatStoreError(path: path, error: error).detail, fix: fix)
        }
    }
}
