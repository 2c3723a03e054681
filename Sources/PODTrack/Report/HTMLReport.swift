import PODTrackCore

/// The site report as one self-contained HTML5 page: inline CSS and SVG, no scripts, nothing
/// loaded from elsewhere (its Content-Security-Policy forbids it too), every value escaped.
public enum HTMLReport {
    /// The page for `data`: header, health banner, key figures, status funnel, events per hour,
    /// then the stuck orders, quarantined drops, sources and storefronts.
    public static func render(_ data: ReportData) -> String {
        let generated = UTCText.iso8601(data.health.generatedAt)
        let days = (data.chartEnd - data.chartStart) / 86_400_000
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>podtrack report: \(HTMLEscaping.escape(data.site)), \(generated)</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>podtrack report</h1>
            <p class="meta">site <code>\(HTMLEscaping.escape(data.site))</code> · generated \(generated) (UTC) · \
            ledger \(data.health.ledgerBytes / 1024) KiB</p>
            </header>

            """
        html += banner(data.health.attention)
        html += keyFigures(data)
        html += section("funnel", "Status funnel",
                        "Item lines per state, per tenant and storefront channel: progress in lifecycle order, then ended lines. "
                            + "A shipped line counts at its shipment's state; bars are scaled to each channel's largest state.",
                        FunnelTable.render(data.funnel))
        html += section("events", "Events per hour",
                        "Status events per UTC hour over \(days) day(s), \(UTCText.iso8601(data.chartStart)) to "
                            + "\(UTCText.iso8601(data.chartEnd)), ending at the newest event (or now, without events). "
                            + "Dashed lines are UTC midnights.",
                        SVGChart.render(data))
        html += section("stuck", "Stuck orders",
                        "Orders in one state longer than their tenant allows (tenant.json), oldest first, at most "
                            + "\(SiteHealth.stuckListLimit) per tenant.",
                        ReportTables.stuckOrders(data.health))
        html += section("quarantine", "Quarantined drops",
                        "Files that could not be read; fix the cause, then put them back with podtrack retry.",
                        ReportTables.quarantinedDrops(data.quarantined))
        html += section("sources", "Sources",
                        "Per source: the last drop, files waiting in the inbox, quarantined drops and rejected rows.",
                        ReportTables.sources(data.health))
        html += section("storefronts", "Storefronts",
                        "Per storefront: the last export, files waiting for pickup and the ones past the pickup limit.",
                        ReportTables.storefronts(data.health))
        return html + "<footer>Written by <code>podtrack report</code>. All times are UTC.</footer>\n</main>\n</body>\n</html>\n"
    }

    /// Healthy, or what needs attention, one line each.
    private static func banner(_ attention: [String]) -> String {
        guard !attention.isEmpty else {
            return "<section class=\"banner ok\" role=\"status\"><h2>✓ Healthy</h2><p>Nothing needs attention.</p></section>\n"
        }
        let items = attention.map { "<li>\(HTMLEscaping.escape($0))</li>" }.joined(separator: "\n")
        return "<section class=\"banner bad\" role=\"alert\"><h2>⚠ Needs attention (\(attention.count))</h2>\n<ul>\n\(items)\n</ul></section>\n"
    }

    /// A strip of counts an operator looks at first.
    private static func keyFigures(_ data: ReportData) -> String {
        let tenants = data.health.tenants
        let figures = [
            (data.funnel.reduce(0) { $0 + $1.lines }, "order lines"),
            (data.eventsPerHour.reduce(0) { $0 + $1.events }, "events in the chart"),
            (tenants.reduce(0) { $0 + $1.stuck.count }, "stuck orders"),
            (data.quarantined.count, "quarantined drops"),
            (tenants.reduce(0) { $0 + $1.orphans.shipments }, "orphan shipments"),
            (tenants.flatMap(\.storefronts).reduce(0) { $0 + $1.waiting }, "exports waiting for pickup"),
        ]
        let items = figures.map { "<li><b>\($0.0)</b><span>\(HTMLEscaping.escape($0.1))</span></li>" }.joined()
        return "<ul class=\"figures\">\(items)</ul>\n"
    }

    private static func section(_ id: String, _ title: String, _ intro: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(HTMLEscaping.escape(title))</h2>\n<p class=\"intro\">\(HTMLEscaping.escape(intro))</p>\n\(body)</section>\n"
    }
}
