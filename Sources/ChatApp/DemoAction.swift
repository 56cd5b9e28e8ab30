/// One thing a demo step does, after its delay: the events an agent's keys cause, or the
/// demo's own bookkeeping.
enum DemoAction: Sendable, Equatable {
    /// Apply an event, as if the key were pressed.
    case event(Event)
    /// Show (or, empty, take away) the caption.
    case caption(String)
    /// Move the open picker's highlight to this intent with ↓.
    case choose(String)
    /// Wait for the presenter (space or →); headless, go on.
    case waitForPresenter
    /// Report that the step cannot be played here (shown as an error naming its line).
    case fail(String)
    /// Nothing: time passing so the audience can read.
    case hold
}

/// A step's plan: each action with the wait before it.
typealias DemoPlan = [(delay: Duration, action: DemoAction)]
