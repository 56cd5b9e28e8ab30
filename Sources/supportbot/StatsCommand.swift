import ArgumentParser
import Assistant
import ChatStore
import Foundation

/// `supportbot stats`: the store's monitoring figures over a period, as text, JSON or Prometheus metrics.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Monitoring figures: fallback and hand-off rates, confidence, latency, live accuracy, drift.",
        discussion: """
            With --check the exit status is 0 when no drift flag is raised, 1 when one is, 2 on errors. --json is \
            --format json.
            """
    )

    /// How `stats` prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, prometheus
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "First UTC day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH) covered.")
    var since: String?

    @Option(help: "Last UTC day or hour covered (inclusive).")
    var until: String?

    @Option(help: "Only turns this registry model version (3 or v3) classified.")
    var version: ModelVersion?

    @Option(help: "Only this agent's conversations.")
    var agent: String?

    @Option(help: "A series by day, hour, model or agent.")
    var by: StatsGrouping?

    @Option(help: "text, json (one object on one line) or prometheus (text exposition format).")
    var format: Format = .text

    @OptionGroup var output: JSONOutput

    @Option(help: "Write to this file (atomically) instead of stdout.")
    var out: String?

    @Flag(help: "Exit 1 when a drift flag is raised, 0 when none is, 2 on errors.")
    var check = false

    func run() throws {
        do {
            let report = try makeReport()
            let text =
                switch output.json ? .json : format {
                case .text: StatsText(report: report).render()
                case .json: try StatsJSON.report(report).serialized + "\n"
                case .prometheus: StatsPrometheus(report: report).render()
                }
            try write(text)
            if check, let drift = report.drift, !drift.flags.isEmpty { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            guard check else { throw error }
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The report the options ask for.
    func makeReport() throws -> StatsReport {
        let filter = StatsFilter(
            since: try since.map { try TimeBound($0, option: "--since").start },
            until: try until.map { try TimeBound($0, option: "--until").end }, version: version?.value, agent: agent
        )
        if let start = filter.since, let end = filter.until, end <= start { throw Failure("--until is before --since") }
        let database = try store.openBackend()
        do { return try database.stats(filter, by: by, now: Date()) } catch { throw store.failure(error) }
    }

    /// Writes `text` to `--out` atomically, else to stdout.
    func write(_ text: String) throws {
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw Failure("\(out): cannot write (\(error.localizedDescription))")
        }
    }
}

extension StatsGrouping: ExpressibleByArgument {}
