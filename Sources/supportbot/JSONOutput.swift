import ArgumentParser

/// `--json`, the same flag on every command that prints something machine-readable; each
/// command's overview (its help's discussion) says what the JSON holds.
struct JSONOutput: ParsableArguments {
    @Flag(help: "Print JSON instead of text (what it holds: see the overview above).")
    var json = false
}
