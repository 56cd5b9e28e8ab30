/// A series drawn as one line of block characters, one a value, scaled from 0 to the largest.
public enum Sparkline {
    /// The eight heights, lowest first.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` as blocks; a missing value is a space, an all-zero series the lowest block.
    public static func make(_ values: [Double?]) -> String {
        let top = values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        return String(
            values.map { value in
                guard let value, value.isFinite else { return " " }
                guard top > 0 else { return blocks[0] }
                return blocks[min(7, max(0, Int((value / top * 7).rounded())))]
            })
    }
}
