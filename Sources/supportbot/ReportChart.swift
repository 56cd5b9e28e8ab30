import Assistant
import Foundation

/// One SVG chart of the HTML evaluation report, as the shapes the template draws.
///
/// Coordinates are in SVG user units (pixels), formatted here so the template holds no
/// arithmetic; every text is data that the template escapes.
struct ReportChart {
    struct Rect { let x, y, w, h: String, fill: String, tip: String? }
    struct Line { let x1, y1, x2, y2: String, stroke: String, dash: String? }
    struct Circle { let cx, cy, r: String, fill: String, tip: String? }
    struct Polyline { let points: String, stroke: String, tip: String? }
    struct Label { let x, y: String, text: String, anchor: String, size: String, rotate: String? }

    /// The element id, e.g. `reliability`.
    let id: String
    let title: String
    let caption: String
    let width: String, height: String
    var rects: [Rect] = []
    var lines: [Line] = []
    var circles: [Circle] = []
    var polylines: [Polyline] = []
    var labels: [Label] = []

    init(id: String, title: String, caption: String, width: Double, height: Double) {
        self.id = id
        self.title = Self.safe(title)
        self.caption = Self.safe(caption)
        self.width = Self.number(width)
        self.height = Self.number(height)
    }

    /// A colour swatch and its text at (x, y), the text's baseline.
    mutating func legend(_ text: String, color: String, x: Double, y: Double) {
        rect(x: x, y: y - 9, w: 10, h: 10, fill: color)
        label(text, x: x + 14, y: y)
    }

    /// Data text as XML allows it: controls spelled out visibly, noncharacters replaced.
    static func safe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                VisibleText.make(text).unicodeScalars.map {
                    $0.value == 0xFFFE || $0.value == 0xFFFF ? "\u{FFFD}" : $0
                }))
    }

    /// A coordinate or size with one decimal.
    static func number(_ value: Double) -> String { String(format: "%.1f", value.isFinite ? value : 0) }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, tip: String? = nil) {
        rects.append(
            Rect(
                x: Self.number(x), y: Self.number(y), w: Self.number(max(w, 0)), h: Self.number(max(h, 0)), fill: fill,
                tip: tip.map(Self.safe)))
    }

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = ReportColor.axis, dash: String? = nil
    ) {
        lines.append(
            Line(
                x1: Self.number(x1), y1: Self.number(y1), x2: Self.number(x2), y2: Self.number(y2), stroke: stroke,
                dash: dash))
    }

    mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, tip: String? = nil) {
        circles.append(
            Circle(cx: Self.number(cx), cy: Self.number(cy), r: Self.number(r), fill: fill, tip: tip.map(Self.safe)))
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, tip: String? = nil) {
        let text = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        polylines.append(Polyline(points: text, stroke: stroke, tip: tip.map(Self.safe)))
    }

    mutating func label(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 11, rotate: Double? = nil
    ) {
        let rotation = rotate.map { "rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))" }
        labels.append(
            Label(
                x: Self.number(x), y: Self.number(y), text: Self.safe(text), anchor: anchor, size: Self.number(size),
                rotate: rotation))
    }
}

/// The report's colours.
enum ReportColor {
    static let axis = "#555555"
    static let ink = "#222222"
    static let grid = "#dddddd"
    static let right = "#2e7d32"
    static let wrong = "#c62828"
    static let bar = "#1565c0"
    static let barLight = "#90caf9"
    static let accent = "#ef6c00"
    static let neutral = "#6a1b9a"

    /// White to `#b71c1c` as `share` goes from 0 to 1.
    static func heat(_ share: Double) -> String {
        let s = min(max(share, 0), 1)
        let (r, g, b) = (255 - (255 - 183) * s, 255 - (255 - 28) * s, 255 - (255 - 28) * s)
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
    }
}
