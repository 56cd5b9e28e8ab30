/// One of the eight basic terminal colours.
public enum Color: Int, Sendable, Equatable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}
