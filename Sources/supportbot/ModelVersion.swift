import ArgumentParser

/// A registry version as given on the command line: `3` or `v3` — the one parser of every
/// argument or `--version` option naming a store version (`--model` always names a file).
struct ModelVersion: ExpressibleByArgument {
    let value: Int64

    init?(argument: String) {
        let digits = argument.hasPrefix("v") || argument.hasPrefix("V") ? argument.dropFirst() : Substring(argument)
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }
}
