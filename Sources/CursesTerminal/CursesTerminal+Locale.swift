import CNcursesw

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension CursesTerminal {
    /// The character-type locale the environment selects (`LC_ALL`, `LC_CTYPE`, `LANG`).
    public struct LocaleReport: Sendable, Equatable {
        /// Its name as the C library resolves it (`C`, `C.UTF-8`, …).
        public var name: String
        /// Whether it is UTF-8 (the terminal UI then draws Unicode frames and wide text).
        public var utf8: Bool
        /// When it is not: the UTF-8 locale the UI adopts instead, or nil when none exists
        /// (frames are then drawn in ASCII and other text shows as `?`).
        public var fallback: String?
    }

    /// The environment's locale, looked at as `init` adopts it; the process's locale is left
    /// as the environment sets it.
    public static func localeReport() -> LocaleReport {
        defer { setlocale(LC_ALL, "") }
        guard setlocale(LC_ALL, "") != nil else {
            return LocaleReport(name: "an unknown locale (not installed)", utf8: false, fallback: utf8Fallback())
        }
        let name = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "?"
        if sb_locale_is_utf8() != 0 { return LocaleReport(name: name, utf8: true, fallback: nil) }
        return LocaleReport(name: name, utf8: false, fallback: utf8Fallback())
    }

    /// The first of `fallbackLocales` this machine has.
    private static func utf8Fallback() -> String? {
        fallbackLocales.first { setlocale(LC_ALL, $0) != nil && sb_locale_is_utf8() != 0 }
    }
}
