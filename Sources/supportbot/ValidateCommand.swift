import ArgumentParser
import Assistant
import Foundation

/// `supportbot validate`: checks an intents directory and reports every problem with its line.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an intents directory: duplicates, conflicts, too few examples, test leaks, unfillable slots."
    )

    @Argument(help: "The intents directory.")
    var path: String = "intents"

    @Option(help: "Fewer English training examples than this is a warning.")
    var minExamples: Int = 40

    @Option(help: "Fewer training examples than this in another language is a warning.")
    var minExamplesOtherLanguages: Int = 20

    func run() throws {
        var rules = DatasetValidator.Rules()
        rules.minExamples = minExamples
        rules.minExamplesOtherLanguages = minExamplesOtherLanguages
        let findings = DatasetValidator.validate(try DatasetLoader.intentFiles(in: path), rules: rules)
        for finding in findings { Output.print("\(finding)") }
        let errors = findings.filter { $0.severity == .error }.count
        print(
            """
            \(errors) error\(errors == 1 ? "" : "s"), \(findings.count - errors) \
            warning\(findings.count - errors == 1 ? "" : "s")
            """
        )
        if errors > 0 { throw ExitCode.failure }
    }
}
