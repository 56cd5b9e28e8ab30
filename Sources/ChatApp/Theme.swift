import Assistant

/// The styles of each kind of text, in colour or monochrome (`NO_COLOR`).
struct Theme {
    let colors: Bool

    private func pick(_ color: Style, _ mono: Style) -> Style { colors ? color : mono }

    var bar: Style { pick(Style(foreground: .white, background: .blue), Style(reverse: true)) }
    var activeTab: Style {
        pick(Style(foreground: .black, background: .cyan, bold: true), Style(bold: true, underline: true))
    }
    var badge: Style { pick(Style(foreground: .white, background: .magenta, bold: true), Style(bold: true)) }
    var customer: Style { pick(Style(foreground: .cyan), .plain) }
    var bot: Style { pick(Style(foreground: .green), .plain) }
    var agent: Style { pick(Style(foreground: .magenta, bold: true), Style(bold: true)) }
    var system: Style { pick(Style(foreground: .yellow, dim: true), Style(dim: true)) }
    var label: Style { Style(bold: true) }
    var dim: Style { Style(dim: true) }
    var heading: Style { pick(Style(foreground: .cyan, bold: true), Style(bold: true)) }
    var selected: Style { Style(reverse: true) }
    var meter: Style { pick(Style(foreground: .green), .plain) }
    var topMeter: Style { pick(Style(foreground: .green, bold: true), Style(bold: true)) }
    var unknown: Style { pick(Style(foreground: .red, underline: true), Style(underline: true)) }
    var warning: Style { pick(Style(foreground: .yellow, bold: true), Style(bold: true)) }
    var notice: Style { pick(Style(foreground: .black, background: .yellow), Style(reverse: true)) }
    var error: Style { pick(Style(foreground: .white, background: .red, bold: true), Style(bold: true, reverse: true)) }
    var border: Style { pick(Style(foreground: .blue), .plain) }

    /// The style of a transcript line's text.
    func style(for role: TurnRole?) -> Style {
        switch role {
        case .customer: customer
        case .bot: bot
        case .agent: agent
        case nil: system
        }
    }
}
