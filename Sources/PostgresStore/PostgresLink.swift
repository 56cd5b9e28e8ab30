import Foundation
import Logging
import PostgresNIO

/// One connection to the server, used synchronously: a call blocks its thread until the
/// server answers (the store protocols are synchronous, like SQLite's). Calls are serialized:
/// a transaction holds the connection from `BEGIN` to `COMMIT`.
final class PostgresLink: @unchecked Sendable {
    let location: PostgresLocation
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    /// Guards `connection` and `inTransaction` (recursive: a transaction's body queries).
    private let lock = NSRecursiveLock()
    private var inTransaction = false
    private let logger = Logger(label: "supportbot.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// Connects to `location` (TLS when it asks for it), or fails naming the server and why.
    init(_ location: PostgresLocation) throws(PostgresStoreError) {
        self.location = location
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try Self.tls(for: location)
        } catch {
            throw PostgresStoreError("\(location): TLS: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password(),
            database: location.database, tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw Self.failure(error, at: location)
        }
    }

    deinit {
        _ = try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    private static func tls(for location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        guard location.requiresTLS else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !location.verifiesCertificate { configuration.certificateVerification = .none }
        return .require(try NIOSSLContext(configuration: configuration))
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) throws(PostgresStoreError) -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw Self.failure(error, at: location)
        }
    }

    /// The first column of the first row, nil when there is no row or it is NULL.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) throws -> T? {
        guard let cell = try rows(query).first?.first(where: { _ in true }), cell.bytes != nil else { return nil }
        return try cell.decode(T.self)
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws(PostgresStoreError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try connection.query(query, logger: logger).wait().metadata.rows ?? 0
        } catch {
            throw Self.failure(error, at: location)
        }
    }

    /// Runs `body` in one transaction: all of it commits or none. A serialization failure or
    /// deadlock (another machine's transaction won) retries the whole body, up to 8 times.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if inTransaction { return try body() }
        var attempt = 0
        while true {
            attempt += 1
            try execute("BEGIN")
            inTransaction = true
            do {
                let result = try body()
                inTransaction = false
                try execute("COMMIT")
                return result
            } catch {
                inTransaction = false
                _ = try? execute("ROLLBACK")
                guard let failure = error as? PostgresStoreError, failure.isTransient, attempt < 8 else { throw error }
            }
        }
    }

    /// `error` from postgres-nio as one line: the server's message, or what failed on the way.
    static func failure(_ error: any Error, at location: PostgresLocation) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        guard let error = error as? PSQLError else { return PostgresStoreError("\(location): \(error)") }
        if let info = error.serverInfo, let message = info[.message] {
            return PostgresStoreError("\(location): \(message)", sqlState: info[.sqlState])
        }
        if let underlying = error.underlying { return PostgresStoreError("\(location): \(underlying)") }
        return PostgresStoreError("\(location): \(error.code)")
    }
}
