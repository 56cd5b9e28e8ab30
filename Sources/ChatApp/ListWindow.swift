/// Which rows of a long list to show so the selected one stays in view.
enum ListWindow {
    /// The first visible index of `count` items in `height` rows with `selected` centred when possible.
    static func start(selected: Int, count: Int, height: Int) -> Int {
        guard count > height, height > 0 else { return 0 }
        return max(0, min(count - height, selected - height / 2))
    }
}
