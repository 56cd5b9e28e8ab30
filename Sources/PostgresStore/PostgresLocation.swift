import Foundation

/// Where a PostgreSQL store is: `postgres://[user@]host[:port]/database[?sslmode=require]`
/// (`postgresql://` too). The password never comes from the URL's docs: it is looked up in
/// `PGPASSFILE` (else `~/.pgpass`), else `PGPASSWORD`, as libpq does.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as (default: `$PGUSER`, else `$USER`).
    public var user: String
    /// The database name (default: the user's name).
    public var database: String
    /// Whether TLS is required (`sslmode=require`, `verify-ca`, `verify-full`); else none.
    public var requiresTLS: Bool
    /// Whether the server certificate is checked against the system's trust roots (`verify-*`).
    public var verifiesCertificate: Bool
    /// A password given in the URL (accepted, never recommended: it shows in `ps`).
    var urlPassword: String?

    /// Whether `text` names a PostgreSQL store (a `postgres://` or `postgresql://` URL).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` URL; nil with the problem when it is not one.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PostgresStoreError)
    {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else {
            throw PostgresStoreError("\(Self.redacted(text)): expected postgres://user@host:port/database")
        }
        self.host = host
        port = components.port ?? 5432
        user =
            components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"]
            ?? "postgres"
        urlPassword = components.password.flatMap { $0.removingPercentEncoding }
        let name = String(components.path.drop(while: { $0 == "/" }))
        database = name.isEmpty ? user : (name.removingPercentEncoding ?? name)
        let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        switch mode {
        case "disable", "allow", "prefer": (requiresTLS, verifiesCertificate) = (false, false)
        case "require": (requiresTLS, verifiesCertificate) = (true, false)
        case "verify-ca", "verify-full": (requiresTLS, verifiesCertificate) = (true, true)
        default: throw PostgresStoreError("\(Self.redacted(text)): unknown sslmode \(mode)")
        }
    }

    /// The URL without any password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
            + (requiresTLS ? "?sslmode=\(verifiesCertificate ? "verify-full" : "require")" : "")
    }

    /// `text` with a password in it replaced by `***` (for error messages).
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    /// The password: the URL's, else the first matching `host:port:database:user:password`
    /// line of the password file (`*` matches anything; the file must not be readable by
    /// others, as libpq requires), else `$PGPASSWORD`; nil when none is set.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let urlPassword { return urlPassword }
        let file = environment["PGPASSFILE"] ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        var info = stat()
        if stat(file, &info) == 0, info.st_mode & 0o077 == 0,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = Self.passFileFields(String(line))
                guard fields.count == 5 else { continue }
                let wanted = [host, String(port), database, user]
                if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
            }
        }
        return environment["PGPASSWORD"]
    }

    /// The `:`-separated fields of a password-file line (`\:` and `\\` escape).
    static func passFileFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
