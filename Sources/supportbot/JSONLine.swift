import Assistant
import Foundation

/// Encodes values as single-line JSON with sorted keys. Past JSON's own escapes (C0 controls),
/// every scalar `VisibleText` would spell out (DEL, C1 controls, bidi overrides, U+2028/2029)
/// is written as a `\uXXXX` escape too: the same string to a JSON reader, nothing raw to a terminal.
enum JSONLine {
    /// `value` as one line; fails when it cannot be encoded (a throwing `encode(to:)`).
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw Failure("cannot write the JSON output: \(error)")
        }
        let json = String(decoding: data, as: UTF8.self)
        guard json.unicodeScalars.contains(where: VisibleText.needsEscape) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if VisibleText.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
