/// A growable, manually managed Float buffer for activations and gradients.
///
/// `reserve` keeps the old allocation when it is large enough, so a workspace reaches its
/// largest batch shape once and then allocates nothing per step.
final class ScratchBuffer<Element: Numeric> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private var capacity: Int

    init() {
        capacity = 1
        pointer = .allocate(capacity: 1)
    }

    deinit { pointer.deallocate() }

    /// Makes room for `count` elements (contents undefined) and returns the pointer.
    @discardableResult
    func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity {
            pointer.deallocate()
            capacity = count
            pointer = .allocate(capacity: count)
        }
        return pointer
    }

    /// Makes room for `count` elements, all zero, and returns the pointer.
    @discardableResult
    func zeroed(_ count: Int) -> UnsafeMutablePointer<Element> {
        let p = reserve(count)
        p.initialize(repeating: .zero, count: count)
        return p
    }
}
