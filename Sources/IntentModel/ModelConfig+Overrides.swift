import Foundation

extension ModelConfig {
    /// A configuration from a JSON object of overrides: `"base"` names the configuration
    /// overridden (`default` when absent), every other key is a `ModelConfig` setting, and the
    /// name is `defaultName` unless the object sets one. Errors name the problem, not the file.
    public init(overriding json: [UInt8], defaultName: String) throws(ModelError) {
        guard let overrides = try? JSONDecoder().decode([String: JSONValue].self, from: Data(json)) else {
            throw .invalidConfig("not a JSON object")
        }
        let baseName: String
        switch overrides["base"] {
        case nil: baseName = "default"
        case .string(let name)?: baseName = name
        case _?: throw .invalidConfig("\"base\" must be a configuration name")
        }
        guard let base = Self.named[baseName] else {
            throw .invalidConfig(
                "unknown base config '\(baseName)': use \(Self.named.keys.sorted().joined(separator: ", "))")
        }
        var merged = try Self.settings(of: base)
        var known = Set<String>()
        for named in Self.named.values { known.formUnion(try Self.settings(of: named).keys) }
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) where key != "base" {
            guard known.contains(key) else { throw .invalidConfig("unknown setting '\(key)'") }
            merged[key] = value
        }
        if overrides["name"] == nil { merged["name"] = .string(defaultName) }
        do {
            self = try JSONDecoder().decode(Self.self, from: JSONEncoder().encode(merged))
        } catch {
            throw .invalidConfig("a setting has the wrong type (\(Self.describe(error)))")
        }
        try validate()
    }

    /// The settings of `config` as a JSON object (nil settings absent).
    private static func settings(of config: ModelConfig) throws(ModelError) -> [String: JSONValue] {
        do {
            return try JSONDecoder().decode([String: JSONValue].self, from: Data(JSONValue.canonical(config)))
        } catch {
            throw .invalidConfig("configuration '\(config.name)' cannot be read back from JSON (\(error))")
        }
    }

    /// The setting a decoding error is about.
    private static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            context.codingPath.map(\.stringValue).joined(separator: ".")
        case .keyNotFound(let key, _)?: key.stringValue
        default: "\(error)"
        }
    }
}

/// Any JSON value, so a configuration's settings can be merged without `Any`.
enum JSONValue: Codable, Equatable, Sendable {
    /// `value` as compact JSON with sorted keys; fails only on a number JSON cannot hold (NaN, ±∞).
    static func canonical(_ value: some Encodable) throws(ModelError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw .invalidConfig("a setting cannot be written as JSON (\(error))")
        }
    }

    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
