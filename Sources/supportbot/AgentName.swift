import Assistant
import Foundation

/// The agent a terminal-UI session runs as, one name for the status line and the store.
enum AgentName {
    /// `option`, else `$USER`, else the account's login name, else `ChatSession.unnamedAgent`.
    static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let option, !option.isEmpty { return option }
        if let user = environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name,
            let login = String(validatingCString: name), !login.isEmpty
        {
            return login
        }
        return ChatSession.unnamedAgent
    }
}
