import ArgumentParser

/// The options of the commands that run a chat session (`chat`, `demo`): the model, the
/// intents and configuration a new store is filled and trained with, and the agent's name.
struct SessionOptions: ParsableArguments {
    @Option(help: "A model file (default: the store's active model, else one trained on the store's examples).")
    var model: String?

    @Option(
        help: "An intents directory loaded into the store (default: ./intents; into a store on its first start only).")
    var intents: String?

    @Option(help: "reference, default, or a JSON file: the configuration trained with when there is no model yet.")
    var config: String = "default"

    @Option(
        help: """
            The agent running the session, filling {{agent_name}} (default: in the terminal UI $USER, else the login \
            name; in a demo, demo).
            """
    )
    var agent: String?
}
