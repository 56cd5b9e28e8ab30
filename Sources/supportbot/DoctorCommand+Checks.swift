import Assistant
import CursesTerminal
import Foundation
import IntentModel

extension DoctorCommand {
    /// The active model decodes (magic, checksum, bounds, finite weights) and answers its
    /// in-memory smoke test.
    static func modelCheck(_ stored: StoredModel?) -> HealthCheck {
        guard let stored else {
            return .failure(
                "model", "no active model: chat cannot answer",
                fix: "`supportbot train` trains one on the store's examples")
        }
        let fix = "`supportbot models rollback` returns to the previous version, or `supportbot train` makes a new one"
        let classifier: Classifier
        do {
            classifier = try stored.classifier()
            try classifier.smokeTest()
        } catch {
            return .failure("model", "active model v\(stored.version): \(error)", fix: fix)
        }
        return .ok(
            "model",
            "v\(stored.version): checksum ok, weights finite, \(classifier.intents.count) intents, smoke test passed")
    }

    /// The model check of the active model `read` fetches; a store error reading it fails the check.
    func activeModelCheck(_ read: () throws -> StoredModel?) -> HealthCheck {
        do {
            return Self.modelCheck(try read())
        } catch {
            return .failure(
                "model", store.failure(error).description,
                fix: "run `supportbot doctor` again once the store checks pass")
        }
    }

    /// `names` as checks left undone because an earlier check failed.
    func skipped(_ names: [String]) -> [HealthCheck] {
        names.map { .notApplicable($0, "not checked: the store failed above") }
    }

    /// A UTF-8 locale, which the terminal UI needs for frames, CJK and emoji.
    static func localeCheck() -> HealthCheck {
        let locale = CursesTerminal.localeReport()
        if locale.utf8 { return .ok("locale", "\(locale.name) (UTF-8)") }
        guard let fallback = locale.fallback else {
            return .warning(
                "locale",
                "\(locale.name) is not UTF-8 and no UTF-8 locale is installed: ASCII frames, other text shown as ?",
                fix: "install a UTF-8 locale (C.UTF-8 or en_US.UTF-8) and `export LANG=C.UTF-8`")
        }
        return .warning(
            "locale", "\(locale.name) is not UTF-8: the terminal UI switches to \(fallback) by itself",
            fix: "`export LANG=\(fallback)` so other programs agree")
    }

    /// `$TERM` names a terminal ncurses can drive (else chat runs in line mode), and the colours.
    static func terminalCheck() -> HealthCheck {
        let environment = ProcessInfo.processInfo.environment
        let here = isatty(STDOUT_FILENO) == 1 ? "" : " (stdout is not a terminal here)"
        if let reason = CursesTerminal.unusableReason {
            return .warning(
                "terminal", "\(reason): chat runs in line mode" + here,
                fix: "set TERM to your terminal's name, e.g. `export TERM=xterm-256color`")
        }
        let colors =
            (environment["NO_COLOR"] ?? "").isEmpty
            ? "colours on where the terminal has them" : "colours off (NO_COLOR)"
        return .ok("terminal", "TERM=\(environment["TERM"] ?? ""), cursor addressing, \(colors)" + here)
    }

    /// One check as one line: status, name, what was found, and the fix.
    static func line(_ check: HealthCheck) -> String {
        let label =
            switch check.status {
            case .ok: "ok"
            case .warning: "warn"
            case .failure: "FAIL"
            case .notApplicable: "n/a"
            }
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: max(1, width - text.count)) }
        return pad(label, 6) + pad(check.name, 13) + check.detail + (check.fix.map { " — fix: \($0)" } ?? "")
    }

    /// The last line: how many checks failed or warned.
    static func summary(_ checks: [HealthCheck]) -> String {
        let failures = checks.filter { $0.status == .failure }.count
        let warnings = checks.filter { $0.status == .warning }.count
        if failures + warnings == 0 { return "doctor: all \(checks.count) checks passed" }
        let counted = [(failures, "failed"), (warnings, "warned")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "doctor: \(counted.joined(separator: ", ")) of \(checks.count) checks"
    }
}
