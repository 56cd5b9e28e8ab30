import Foundation

/// A JSON value whose object keys keep their order and whose nulls are written, so every
/// key of a report is always present.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number, or null.
    static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    /// The value on one line.
    var serialized: String {
        get throws {
            switch self {
            case .null: "null"
            case .bool(let value): value ? "true" : "false"
            case .int(let value): String(value)
            case .number(let value): value.isFinite ? String(value) : "null"
            case .string(let value): try JSONLine.string(value)
            case .array(let values): try "[" + values.map { try $0.serialized }.joined(separator: ",") + "]"
            case .object(let members):
                try "{" + members.map { try JSONLine.string($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
            }
        }
    }
}
