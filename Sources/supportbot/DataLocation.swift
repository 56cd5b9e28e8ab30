import Foundation

/// Where SupportBot keeps its data by default.
enum DataLocation {
    /// `$SUPPORTBOT_HOME`, else `$XDG_DATA_HOME/supportbot`, else `~/.local/share/supportbot`
    /// (`~` is `$HOME`, else the user's home directory).
    static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["SUPPORTBOT_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/supportbot" }
        let home =
            environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/share/supportbot"
    }

    /// The database file's name in the data directory.
    static let databaseName = "supportbot.sqlite"
    /// The log file's name beside the database.
    static let logName = "supportbot.log"
}
