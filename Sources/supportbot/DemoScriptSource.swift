import ChatApp
import Foundation

/// Where a demo script comes from: the file named, else `./demos/en.demo`, else the built-in copy.
enum DemoScriptSource {
    /// The script played when none is named, relative to the working directory.
    static let defaultPath = "demos/en.demo"

    /// Reads and parses the script; a malformed one fails with its file and line.
    static func load(_ path: String?) throws -> DemoScript {
        let path = path ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil)
        let (text, name): (String, String)
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure("\(path): cannot read the demo script")
            }
            guard let decoded = String(data: data, encoding: .utf8) else { throw Failure("\(path): not UTF-8 text") }
            (text, name) = (decoded, path)
        } else {
            (text, name) = (BuiltInDemo.english, "en.demo (built in)")
        }
        do throws(DemoScriptError) {
            return try DemoScript.parse(text, file: name)
        } catch {
            throw Failure(error.description)
        }
    }
}
