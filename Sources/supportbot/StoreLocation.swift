import PostgresStore

/// Which store a command uses, from `--db`, `SUPPORTBOT_DB` or `migrate`'s `--from`/`--to`:
/// a bare path or `sqlite:PATH` is SQLite; a `postgres://` or `postgresql://` URL is PostgreSQL.
enum StoreLocation: Equatable {
    case sqlite(String)
    case postgres(String)

    /// The store `text` names.
    init(_ text: String) {
        if PostgresLocation.isURL(text) {
            self = .postgres(text)
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(String(text.dropFirst("sqlite:".count)))
        } else {
            self = .sqlite(text)
        }
    }
}
