/// How fast a demo plays: a human typing pace and the time left to read, divided by `speed`.
/// The small variation between keys comes from the step and key numbers, so every run (and
/// every headless frame) is the same.
public struct DemoPace: Sendable, Equatable {
    /// How many times faster than a person the demo plays (> 0).
    public var speed: Double

    /// A pace `speed` times a person's.
    public init(speed: Double = 1) { self.speed = max(0.001, speed) }

    /// The wait before key `key` of step `step` when typing `character`: about 60 ms a letter,
    /// longer after a space and for a double-width character (typed through an input method).
    public func keystroke(_ character: Character, step: Int, key: Int) -> Duration {
        let base = TextWidth.of(character) == 2 ? 170.0 : character == " " ? 90 : 55
        return scaled(base + Double(Self.jitter(step, key) % 50))
    }

    /// The wait before the key that sends what was typed (Enter) or chooses in the picker.
    public var beforeEnter: Duration { scaled(450) }
    /// The wait between the keys of a gesture (a screen switch before typing, the picker opening).
    public var betweenKeys: Duration { scaled(350) }
    /// Time to read a reply or a new screen before the next step.
    public var read: Duration { scaled(2200) }
    /// Time to notice a caption before the next step starts.
    public var caption: Duration { scaled(900) }
    /// A written `pause`, at this pace.
    public func pause(_ duration: Duration) -> Duration { duration / speed }

    private func scaled(_ milliseconds: Double) -> Duration { .microseconds(Int64(milliseconds * 1000 / speed)) }

    /// A small number from a step and key number (splitmix-style mixing).
    private static func jitter(_ step: Int, _ key: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: step &* 1_000_003 &+ key) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
