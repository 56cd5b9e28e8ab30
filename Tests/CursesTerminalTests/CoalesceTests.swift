import ChatApp
import Testing

@testable import CursesTerminal

/// Queued keys become pastes: runs of characters join, an Enter inside a run is a space.
@Suite struct CoalesceTests {
    func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func runsOfCharactersArePastes() {
        #expect(
            CursesTerminal.coalesce(keys("ab") + [.key(.up)] + keys("c")) == [
                .paste("ab"), .key(.up), .key(.character("c")),
            ])
    }

    @Test func enterInsideARunIsASpaceAndAtTheEndASend() {
        #expect(
            CursesTerminal.coalesce(keys("hi") + [.key(.enter)] + keys("yo") + [.key(.enter)]) == [
                .paste("hi yo"), .key(.enter),
            ])
        #expect(CursesTerminal.coalesce([.key(.enter)] + keys("a")) == [.key(.enter), .key(.character("a"))])
    }
}
