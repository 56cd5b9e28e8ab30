/// What a playing demo shows above the page: where it is, how to steer it, and the caption.
public struct DemoOverlay: Sendable, Equatable {
    /// The demo's state and keys, e.g. `DEMO 3/20 · space pause · → next`.
    public var status: String
    /// The script's caption for the audience, if any.
    public var caption: String?

    /// An overlay showing `status` and `caption`.
    public init(status: String, caption: String? = nil) {
        self.status = status
        self.caption = caption
    }
}
