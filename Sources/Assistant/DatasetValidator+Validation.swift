extension DatasetValidator {
    /// A parsed intent file and where it is.
    typealias Placed = (language: String, file: IntentsDirectoryParser.ParsedFile, path: String)

    /// One run of the checks: the findings so far and what the training files taught the test checks.
    struct Validation {
        let rules: Rules
        private(set) var findings: [Finding] = []
        /// Normalized training example → its intent and where it first stands.
        private var firstSeen: [String: (intent: String, location: SourceLocation)] = [:]
        /// Every training example's word set, in order.
        private var trainingWordSets: [(words: Set<String>, intent: String, location: SourceLocation)] = []
        /// The intents with a training file.
        private var intentNames = Set<String>()

        init(rules: Rules) { self.rules = rules }

        private mutating func report(_ severity: Finding.Severity, _ location: SourceLocation, _ message: String) {
            findings.append(Finding(severity: severity, location: location, message: message))
        }

        /// The files parsed, by path: training and test files; duplicate files, intents defined
        /// twice and files that do not parse are findings.
        mutating func parse(_ files: [IntentsDirectoryParser.File]) -> (train: [Placed], test: [Placed]) {
            var train: [Placed] = []
            var test: [Placed] = []
            var contentOwner: [String: String] = [:]
            var definedIn: [String: String] = [:]
            for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
                let top = SourceLocation(file: file.displayPath, line: 1)
                if let other = contentOwner[file.content], !file.content.isEmpty {
                    report(.error, top, "duplicate of \(other)")
                    continue
                }
                contentOwner[file.content] = file.displayPath
                do {
                    let (language, isTest) = try IntentsDirectoryParser.placement(of: file)
                    let parsed = try IntentsDirectoryParser.parseFile(file, language: language, isTest: isTest)
                    let key = "\(isTest ? "test" : "train")/\(language)/\(parsed.intent)"
                    if let other = definedIn[key] {
                        report(
                            .error, SourceLocation(file: file.displayPath, line: parsed.intentLine),
                            "intent '\(parsed.intent)' (\(language)) is already defined in \(other)")
                        continue
                    }
                    definedIn[key] = file.displayPath
                    if isTest {
                        test.append((language, parsed, file.displayPath))
                    } else {
                        train.append((language, parsed, file.displayPath))
                    }
                } catch {
                    report(.error, SourceLocation(file: error.file, line: error.line ?? 1), error.message)
                }
            }
            return (train, test)
        }

        /// Training examples: duplicates within and across intents; counts; replies; slots.
        mutating func checkTraining(_ train: [Placed]) {
            var intentsWithReplies = Set<String>()
            for (language, file, path) in train {
                intentNames.insert(file.intent)
                let minimum = language == "en" ? rules.minExamples : rules.minExamplesOtherLanguages
                if file.examples.count < minimum {
                    report(
                        .warning, SourceLocation(file: path, line: file.intentLine),
                        """
                        intent '\(file.intent)' has \(file.examples.count) examples in \(language); at least \
                        \(minimum) are recommended
                        """
                    )
                }
                for example in file.examples { checkTrainingExample(example, of: file.intent, in: path) }
                if !file.responses.isEmpty { intentsWithReplies.insert(file.intent) }
                for response in file.responses {
                    for slot in TemplateRenderer.slots(in: response.text).subtracting(ConversationSlots.names).sorted()
                    {
                        report(
                            .error, response.source,
                            """
                            slot '{{\(slot)}}' is filled by no extractor (known: \
                            \(ConversationSlots.names.sorted().joined(separator: ", ")))
                            """
                        )
                    }
                }
            }
            for (_, file, path) in train where !intentsWithReplies.contains(file.intent) {
                report(
                    .error, SourceLocation(file: path, line: file.intentLine),
                    "intent '\(file.intent)' has no replies in any language")
                intentsWithReplies.insert(file.intent)
            }
        }

        /// One training example: a duplicate in its intent warns, in another intent is an error.
        private mutating func checkTrainingExample(
            _ example: (text: String, line: Int), of intent: String, in path: String
        ) {
            let location = SourceLocation(file: path, line: example.line)
            let key = DatasetValidator.normalized(example.text)
            if let first = firstSeen[key] {
                if first.intent == intent {
                    report(.warning, location, "duplicate example (also at \(first.location))")
                } else {
                    report(.error, location, "example also listed under intent '\(first.intent)' at \(first.location)")
                }
            } else {
                firstSeen[key] = (intent, location)
            }
            trainingWordSets.append((Set(key.split(separator: " ").map(String.init)), intent, location))
        }

        /// Test utterances: unknown intents and leaks from training (after `checkTraining`).
        mutating func checkTest(_ test: [Placed]) {
            let nearDuplicates = NearDuplicateIndex(
                trainingWordSets.map(\.words), threshold: rules.nearDuplicateOverlap)
            for (_, file, path) in test {
                if !intentNames.contains(file.intent) {
                    report(
                        .error, SourceLocation(file: path, line: file.intentLine),
                        "test intent '\(file.intent)' has no training file")
                }
                for example in file.examples {
                    let location = SourceLocation(file: path, line: example.line)
                    let key = DatasetValidator.normalized(example.text)
                    if let train = firstSeen[key] {
                        report(.error, location, "test utterance also appears in training at \(train.location)")
                        continue
                    }
                    let words = Set(key.split(separator: " ").map(String.init))
                    guard words.count >= 4 else { continue }
                    if let near = nearDuplicates.first(near: words) {
                        report(
                            .warning, location,
                            "test utterance nearly repeats a training phrasing at \(trainingWordSets[near].location)")
                    }
                }
            }
        }
    }
}
