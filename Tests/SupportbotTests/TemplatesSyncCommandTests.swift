import Foundation
import Testing

/// `templates` and `sync` end to end.
@Suite(.serialized) struct TemplatesSyncCommandTests {
    func greetTemplates(_ fixture: StoreFixture) throws -> [[String: Any]] {
        let r = try fixture.run(["templates", "list", "--intent", "greet", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try jsonLines(r.stdout)
    }

    @Test func editsApplyToTheNextReplyAndSurviveSync() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let greet = try greetTemplates(fixture)
        #expect(greet.count == 3)
        #expect(Set(greet.map { $0["origin"] as? String }) == ["file"])
        for template in greet {
            let edit = try fixture.run([
                "templates", "edit", "\(template["id"] as! Int)", "Edited hello from {{agent_name}}.",
            ])
            #expect(edit.status == 0, "\(edit.stderr)")
        }
        let chat = try fixture.run(["chat", "--plain", "--threshold", "0", "--agent", "Sam"], stdin: "hello there\n")
        #expect(chat.stdout == "Edited hello from Sam.\n", "\(chat.stdout) \(chat.stderr)")

        let sync = try fixture.run(["sync", "--intents", "intents", "--json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let summary = try #require(try jsonLines(sync.stdout).first)
        #expect(summary["templatesKept"] as? Int == 3 && summary["templatesAdded"] as? Int == 0)
        let after = try greetTemplates(fixture)
        #expect(
            after.count == 3
                && after.allSatisfy {
                    $0["text"] as? String == "Edited hello from {{agent_name}}." && $0["origin"] as? String == "store"
                })
    }

    @Test func addAndRemove() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.prepare()
        let add = try fixture.run(["templates", "add", "greet", "Good day!", "--lang", "en"])
        #expect(add.status == 0, "\(add.stderr)")
        let id = try #require(Int(add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try greetTemplates(fixture).contains { $0["id"] as? Int == id && $0["origin"] as? String == "store" })
        #expect(try fixture.run(["templates", "remove", "\(id)"]).status == 0)
        #expect(try !greetTemplates(fixture).contains { $0["id"] as? Int == id })

        for (args, phrase) in [
            (["templates", "add", "nope", "x"], "unknown intent 'nope'"),
            (["templates", "add", "greet", "Hi {{nick}}"], "unknown slot"),
            (["templates", "edit", "9999", "x"], "no template 9999"),
            (["templates", "remove", "9999"], "no template 9999"),
        ] {
            let r = try fixture.run(args)
            #expect(r.status != 0)
            #expect(r.stderr.contains(phrase) && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }

    @Test func syncIsIdempotentFromAnyDirectoryAndFollowsEditedFiles() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let first = try fixture.run(["sync"])  // ./intents by default
        #expect(first.status == 0 && first.stdout.hasPrefix("synced:"), "\(first.stdout) \(first.stderr)")
        let elsewhere = try CLI.run(
            ["sync", "--intents", fixture.directory.appendingPathComponent("intents").path, "--db", fixture.db],
            directory: URL(fileURLWithPath: "/"))
        #expect(elsewhere.stdout.hasPrefix("up to date:"), "\(elsewhere.stdout) \(elsewhere.stderr)")

        let file = fixture.directory.appendingPathComponent("intents/en/refund.yaml")
        try StoreFixture.intentFile(
            "refund", examples: ["i want my money back", "refund please"], responses: ["Refund on its way."]
        )
        .write(to: file, atomically: true, encoding: .utf8)
        let changed = try fixture.run(["sync", "--json"])
        let summary = try #require(try jsonLines(changed.stdout).first)
        #expect(summary["templatesAdded"] as? Int == 1 && summary["templatesRemoved"] as? Int == 2)
        #expect(summary["examplesAdded"] as? Int == 1 && summary["examplesRemoved"] as? Int == 4)
    }
}
