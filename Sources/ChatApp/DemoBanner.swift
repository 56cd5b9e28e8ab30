/// The demo's rows at the top of the body: the status tag, then the caption wrapped on at
/// most `captionRows` rows (the last ending in … when it goes on); there only when the page
/// keeps at least `minimumPage` rows.
struct DemoBanner {
    let overlay: DemoOverlay
    let theme: Theme

    /// Rows a page keeps under the banner, or the banner is left out.
    static let minimumPage = 6
    /// Rows a caption may take.
    static let captionRows = 3

    /// The banner's rows at the top of `body` and the rows left for the page (all of `body`
    /// without an overlay, or when it is too short).
    static func layout(_ overlay: DemoOverlay?, in body: Rect) -> (banner: Rect, page: Rect) {
        guard let overlay else { return (Rect(left: body.left, top: body.top, width: body.width, height: 0), body) }
        let rows = max(1, captionLines(overlay, width: body.width).count)
        guard body.height - rows >= minimumPage else {
            return (Rect(left: body.left, top: body.top, width: body.width, height: 0), body)
        }
        return (
            Rect(left: body.left, top: body.top, width: body.width, height: rows),
            Rect(left: body.left, top: body.top + rows, width: body.width, height: body.height - rows)
        )
    }

    /// The status as a tag.
    private static func tag(_ overlay: DemoOverlay) -> String { " \(overlay.status) " }

    /// The caption wrapped beside the tag, at most `captionRows` lines; a cut one ends in ….
    private static func captionLines(_ overlay: DemoOverlay, width: Int) -> [String] {
        let room = max(1, width - TextWidth.of(tag(overlay)) - 1)
        guard let caption = overlay.caption else { return [] }
        let lines = TextLayout.wrap(caption, width: room)
        guard lines.count > captionRows else { return lines }
        let rest = lines[(captionRows - 1)...].joined(separator: " ")
        return lines.prefix(captionRows - 1) + [TextLayout.truncate(rest, to: room)]
    }

    /// Draws the banner into `rect` (from `layout`; nothing when it has no rows).
    func draw(in rect: Rect, into screen: inout Screen) {
        guard rect.height > 0 else { return }
        screen.fill(rect, style: .plain)
        let x = screen.put(Self.tag(overlay), row: rect.top, column: rect.left, style: theme.badge, limit: rect.width)
        for (i, line) in Self.captionLines(overlay, width: rect.width).enumerated() {
            screen.put(line, row: rect.top + i, column: x + 1, style: theme.heading, limit: max(0, rect.right - x - 1))
        }
    }
}
