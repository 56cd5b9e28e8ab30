import Foundation

/// The rectangle of a chart where data is drawn, mapping data ranges to SVG pixels
/// (y grows downwards in SVG, upwards in the data).
struct PlotArea {
    let left, top, width, height: Double
    var xRange: ClosedRange<Double> = 0...1
    var yRange: ClosedRange<Double> = 0...1

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The pixel x of data value `value`.
    func x(_ value: Double) -> Double {
        left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * width
    }

    /// The pixel y of data value `value`.
    func y(_ value: Double) -> Double {
        bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * height
    }
}

extension ReportChart {
    /// Draws both axes of `area` with grid lines and tick labels at `ticks` (data values,
    /// used on both axes), and the axis titles.
    mutating func axes(_ area: PlotArea, xTitle: String, yTitle: String, xTicks: [Double], yTicks: [Double]) {
        for t in yTicks {
            line(area.left, area.y(t), area.right, area.y(t), stroke: ReportColor.grid)
            label(Self.tick(t), x: area.left - 6, y: area.y(t) + 4, anchor: "end", size: 10)
        }
        for t in xTicks {
            line(area.x(t), area.bottom, area.x(t), area.bottom + 4)
            label(Self.tick(t), x: area.x(t), y: area.bottom + 16, anchor: "middle", size: 10)
        }
        line(area.left, area.bottom, area.right, area.bottom)
        line(area.left, area.top, area.left, area.bottom)
        label(xTitle, x: area.left + area.width / 2, y: area.bottom + 34, anchor: "middle")
        label(yTitle, x: area.left - 38, y: area.top + area.height / 2, anchor: "middle", rotate: -90)
    }

    /// Evenly spaced ticks from 0 to 1.
    static let unitTicks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]

    /// A tick label: up to two decimals, no trailing zeros.
    static func tick(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
