import Foundation
import IntentModel

/// Resolves `--config`: a named configuration or a JSON file overriding one.
enum ConfigLoader {
    static func load(_ nameOrPath: String) throws -> ModelConfig {
        if let named = ModelConfig.named[nameOrPath] { return named }
        guard nameOrPath.hasSuffix(".json") || FileManager.default.fileExists(atPath: nameOrPath) else {
            throw Failure("unknown config '\(nameOrPath)': use \(ModelConfig.named.keys.sorted().joined(separator: ", ")) or a .json file")
        }
        let text = try DatasetLoader.readText(nameOrPath)
        guard let overrides = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw Failure("\(nameOrPath): not a JSON object")
        }
        let baseName = overrides["base"] as? String ?? "default"
        guard let base = ModelConfig.named[baseName] else { throw Failure("\(nameOrPath): unknown base config '\(baseName)'") }
        var merged = try JSONSerialization.jsonObject(with: JSONEncoder().encode(base)) as! [String: Any]
        for (key, value) in overrides where key != "base" {
            guard merged.keys.contains(key) || key == "clipNorm" else { throw Failure("\(nameOrPath): unknown setting '\(key)'") }
            merged[key] = value
        }
        if merged["name"] as? String == base.name, overrides["name"] == nil {
            merged["name"] = URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
        }
        do {
            let config = try JSONDecoder().decode(ModelConfig.self, from: JSONSerialization.data(withJSONObject: merged))
            try config.validate()
            return config
        } catch let error as ModelError {
            throw Failure("\(nameOrPath): \(error)")
        } catch {
            throw Failure("\(nameOrPath): a setting has the wrong type (\(error))")
        }
    }
}
