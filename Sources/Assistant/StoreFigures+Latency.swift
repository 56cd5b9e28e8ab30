extension StoreFigures {
    /// `latencyMicros` in milliseconds: p50, p90, p99.
    public var latencyMilliseconds: [Double] { latencyMicros.map { Double($0) / 1000 } }
}
