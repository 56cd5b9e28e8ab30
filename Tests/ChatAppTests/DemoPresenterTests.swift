import Assistant
import ChatApp
import SupportBotTestSupport
import Testing

/// The presenter's keys during a demo, on a virtual clock: space pauses and resumes, → skips,
/// ← shows a step again without a second turn, F9 takes over until /resume, F10 quits.
@Suite struct DemoPresenterTests {
    let player = DemoPlaybackTests()
    let script = "customer: where is my order\ncustomer: refund please\n"

    func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func spacePausesAndResumes() throws {
        let run = try player.play(
            script, interactive: true,
            input: [
                .init(at: .milliseconds(300), [.key(.character(" "))]),
                .init(at: .seconds(30), [.key(.character(" "))]),
            ])
        // Nothing was typed between the two presses (the 30 s wait), then the demo played on.
        let analyses = run.terminal.frames.indices
        #expect(!analyses.isEmpty)
        #expect(run.times.first! > .seconds(30))
        #expect(player.logged(run.backend.calls) == [.send("where is my order"), .send("refund please")])
        #expect(!run.state.input.text.contains(" "))
    }

    @Test func rightSkipsTheRestOfTheStep() throws {
        let run = try player.play(script, interactive: true, input: [.init(at: .milliseconds(200), [.key(.right)])])
        #expect(run.times.first == .milliseconds(200))
        #expect(player.logged(run.backend.calls) == [.send("where is my order"), .send("refund please")])
    }

    @Test func leftShowsTheStepAgainWithoutASecondTurn() throws {
        // During the reading time after the first reply: ← types the line again from the state before it.
        let run = try player.play(script, interactive: true, input: [.init(at: .seconds(3), [.key(.left)])])
        #expect(player.logged(run.backend.calls) == [.send("where is my order"), .send("refund please")])
        let typed = run.backend.calls.filter { $0 == .analyze("where is my order") }
        #expect(typed.count == 2)
        #expect(
            run.state.transcript.filter { $0.role == .customer }.map(\.text) == ["where is my order", "refund please"])
        #expect(run.times.count == 2 && run.times[0] > .seconds(5))
    }

    @Test func leftAfterTheEndShowsTheLastStepAgain() throws {
        let run = try player.play(
            script, interactive: true,
            input: [
                .init(at: .seconds(30), [.key(.left)]),
                .init(at: .seconds(60), [.key(.function(10))]),
            ])
        #expect(player.logged(run.backend.calls) == [.send("where is my order"), .send("refund please")])
        #expect(run.state.transcript.filter { $0.role == .customer }.count == 2)
        #expect(run.terminal.frames.last!.text.contains("END"))
    }

    @Test func f9HandsTheKeyboardToThePresenterUntilResume() throws {
        let run = try player.play(
            script, interactive: true,
            input: [
                .init(at: .milliseconds(300), [.key(.function(9))]),
                .init(at: .seconds(1), keys("do you ship to mars")),
                .init(at: .seconds(2), [.key(.enter)]),
                .init(at: .seconds(3), [.key(.escape)] + keys("/resume")),
                .init(at: .seconds(4), [.key(.enter)]),
            ])
        // The half-typed scripted line was taken back; the presenter's line is logged, then the script goes on.
        #expect(
            player.logged(run.backend.calls) == [
                .send("do you ship to mars"), .send("where is my order"), .send("refund please"),
            ])
        #expect(run.terminal.frames.contains { $0.text.contains("LIVE") })
        #expect(!run.state.transcript.contains { $0.text.contains("/resume") })
        #expect(run.director.errors.isEmpty)
    }

    @Test func otherKeysDoNotGarbleTheScriptedTyping() throws {
        let run = try player.play(
            script, interactive: true, input: [.init(at: .milliseconds(400), keys("xyz") + [.key(.backspace)])])
        #expect(player.logged(run.backend.calls) == [.send("where is my order"), .send("refund please")])
    }

    @Test func f10Quits() throws {
        let run = try player.play(
            script, interactive: true, input: [.init(at: .milliseconds(500), [.key(.function(10))])])
        #expect(run.state.quitting && player.logged(run.backend.calls).isEmpty)
    }

    @Test func aBarePauseWaitsForThePresenterOnlyWhenThereIsOne() throws {
        let text = "customer: hi\npause\ncustomer: bye\n"
        let headless = try player.play(text)
        #expect(player.logged(headless.backend.calls) == [.send("hi"), .send("bye")])
        let live = try player.play(text, interactive: true, input: [.init(at: .seconds(100), [.key(.right)])])
        #expect(live.times[1] == .seconds(100))
        #expect(player.logged(live.backend.calls) == [.send("hi"), .send("bye")])
    }
}
