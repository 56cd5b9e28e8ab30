/// Something that steers the runtime besides the keyboard (a scripted demo): it sees each
/// batch of input first and applies what it keeps, with events of its own, through the runtime.
public protocol RuntimeDirector: AnyObject {
    /// When it next wants to act, on the runtime's clock (nil: only when input comes).
    var due: Duration? { get }
    /// Takes a batch of input at `now` (empty when the wait ended first) and applies it, and
    /// whatever is due of its own, with `runtime.handle`.
    func direct(_ input: [Event], runtime: ChatRuntime, state: inout State, now: Duration)
}
