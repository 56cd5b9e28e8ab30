extension EvalReport {
    /// The page: XHTML syntax (well-formed XML), inline CSS and SVG, no scripts, nothing fetched.
    /// `{{…}}` escapes `& < > " '`; every value is a string prepared by `page`.
    static let template = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <title>SupportBot evaluation: {{title}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 24px; color: #222; max-width: 1100px; }
        h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { padding: 3px 10px; border-bottom: 1px solid #e0e0e0; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        p.caption { font-size: 13px; color: #555; max-width: 760px; }
        svg text { font-family: system-ui, sans-serif; fill: #333; }
        .grid { display: flex; flex-wrap: wrap; gap: 8px 32px; }
        </style>
        </head>
        <body>
        <h1>SupportBot evaluation: {{title}}</h1>
        <table class="summary">
        {{#figures}}
        <tr><th>{{name}}</th><td class="n">{{value}}</td></tr>
        {{/figures}}
        </table>
        <div class="grid">
        {{#charts}}
        <section id="{{id}}">
        <h2>{{title}}</h2>
        <p class="caption">{{caption}}</p>
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{{id}}-chart" width="{{width}}" height="{{height}}" \
        viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{title}}">
        {{#rects}}
        <rect x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" \
        fill="{{fill}}">{{#tip}}<title>{{.}}</title>{{/tip}}</rect>
        {{/rects}}
        {{#lines}}
        <line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" stroke="{{stroke}}"\
        {{#dash}} stroke-dasharray="{{.}}"{{/dash}}/>
        {{/lines}}
        {{#polylines}}
        <polyline points="{{points}}" fill="none" stroke="{{stroke}}" stroke-width="2">\
        {{#tip}}<title>{{.}}</title>{{/tip}}</polyline>
        {{/polylines}}
        {{#circles}}
        <circle cx="{{cx}}" cy="{{cy}}" r="{{r}}" fill="{{fill}}">{{#tip}}<title>{{.}}</title>{{/tip}}</circle>
        {{/circles}}
        {{#labels}}
        <text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}" font-size="{{size}}"\
        {{#rotate}} transform="{{.}}"{{/rotate}}>{{text}}</text>
        {{/labels}}
        </svg>
        </section>
        {{/charts}}
        </div>
        <h2>Per intent</h2>
        <table class="intents">
        <tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>
        {{#intents}}
        <tr><td>{{name}}</td><td class="n">{{precision}}</td><td class="n">{{recall}}</td><td class="n">{{f1}}</td>\
        <td class="n">{{support}}</td></tr>
        {{/intents}}
        </table>
        </body>
        </html>

        """
}
