import Foundation
import IntentModel

/// Resolves `--config`: a named configuration or a JSON file overriding one.
enum ConfigLoader {
    static func load(_ nameOrPath: String) throws -> ModelConfig {
        if let named = ModelConfig.named[nameOrPath] { return named }
        guard nameOrPath.hasSuffix(".json") || FileManager.default.fileExists(atPath: nameOrPath) else {
            throw Failure(
                """
                unknown config '\(nameOrPath)': use \(ModelConfig.named.keys.sorted().joined(separator: ", ")) or \
                a .json file
                """
            )
        }
        let text = try DatasetLoader.readText(nameOrPath)
        do {
            let name = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
            return try ModelConfig(overriding: Array(text.utf8), defaultName: name)
        } catch {
            throw Failure("\(nameOrPath): \(error)")
        }
    }
}
