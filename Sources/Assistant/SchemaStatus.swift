/// A store's schema against this build's: the migrations it has applied, those it lacks, and
/// those this build does not know (a newer supportbot wrote it).
public struct SchemaStatus: Sendable, Equatable {
    /// The migrations the store has applied.
    public var applied: Set<String>
    /// This build's migrations, in the order they apply.
    public var known: [String]

    /// Creates a status.
    public init(applied: Set<String>, known: [String]) {
        self.applied = applied
        self.known = known
    }

    /// This build's migrations the store still lacks, in order.
    public var missing: [String] { known.filter { !applied.contains($0) } }
    /// Migrations the store has that this build does not know, sorted.
    public var unknown: [String] { applied.subtracting(known).sorted() }

    /// The `schema` line of `doctor`.
    public var healthCheck: HealthCheck {
        if !unknown.isEmpty {
            return .failure(
                "schema", "made by a newer supportbot (migrations \(unknown.joined(separator: ", ")) unknown here)",
                fix: "use the newer supportbot that wrote this store")
        }
        if !missing.isEmpty {
            return .failure(
                "schema",
                "\(missing.count) of \(known.count) migrations not applied (\(missing.joined(separator: ", ")))",
                fix: "run `supportbot sync` once with write access: it applies them")
        }
        return .ok("schema", "\(known.count) migrations, the latest '\(known.last ?? "")'")
    }
}
