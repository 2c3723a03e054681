import Foundation
import PODTrackCore

/// Events per hour over the charted window, one inline SVG chart per tenant: a step line (one step
/// per UTC hour, an hour without events at zero), a line at each UTC midnight labelled with the
/// date, and a y axis with round ticks.
enum SVGChart {
    private static let hour: Int64 = 3_600_000
    private static let day: Int64 = 86_400_000
    private static let width = 960.0, height = 190.0
    private static let left = 48.0, right = 12.0, top = 12.0, bottom = 26.0
    /// Room a `2026-11-24` label needs at the axis's font size.
    private static let dateLabelWidth = 74.0
    /// Series colors (CSS classes `s0`…) used in turn, by tenant.
    private static let seriesColors = 4

    /// A chart per tenant (the site's tenants first, then any other tenant with events), or a
    /// sentence when the window has no events at all.
    static func render(_ data: ReportData) -> String {
        let hours = max(0, Int((data.chartEnd - data.chartStart) / hour))
        var counts: [String: [Int]] = [:]
        for entry in data.eventsPerHour where entry.hour >= data.chartStart {
            let index = Int((entry.hour - data.chartStart) / hour)
            guard index < hours else { continue }
            counts[entry.tenant, default: Array(repeating: 0, count: hours)][index] += entry.events
        }
        guard counts.values.contains(where: { $0.contains { $0 > 0 } }) else {
            return "<p class=\"empty\">No events in this window.</p>\n"
        }
        let known = data.health.tenants.map(\.name)
        let tenants = known + counts.keys.filter { !known.contains($0) }.sorted()
        return tenants.enumerated().map { index, tenant in
            guard let series = counts[tenant], let peak = series.max(), peak > 0 else {
                return "<p class=\"empty\"><strong>\(HTMLEscaping.escape(tenant))</strong>: no events in this window.</p>\n"
            }
            return figure(tenant: tenant, series: series, peak: peak, colorClass: "s\(index % seriesColors)", start: data.chartStart)
        }.joined()
    }

    private static func figure(tenant: String, series: [Int], peak: Int, colorClass: String, start: Int64) -> String {
        let plot = Plot(hours: series.count, peak: peak)
        let peakHour = start + Int64(series.firstIndex(of: peak) ?? 0) * hour
        let total = series.reduce(0, +)
        let name = HTMLEscaping.escape(tenant)
        let end = start + Int64(series.count) * hour
        let label = HTMLEscaping.escape("events per hour for \(tenant), \(UTCText.iso8601(start)) to \(UTCText.iso8601(end))")
        var svg = "<figure class=\"chart\">\n<figcaption><strong>\(name)</strong> \(total) events, peak \(peak) an hour "
            + "(\(UTCText.iso8601(peakHour)))</figcaption>\n"
            + "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>\n"
        svg += yAxis(plot)
        svg += dayLines(plot, start: start)
        let line = stepLine(series, plot)
        let base = number(plot.y(0))
        svg += "<path class=\"area \(colorClass)\" d=\"\(line)V\(base)H\(number(left))Z\"/>\n"
        svg += "<path class=\"line \(colorClass)\" d=\"\(line)\"/>\n"
        svg += "<line class=\"base\" x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(base)\" y2=\"\(base)\"/>\n"
        return svg + "</svg>\n</figure>\n"
    }

    /// Where hours and counts go in the chart's coordinates; the y axis runs from zero to the peak
    /// rounded up to a whole tick.
    private struct Plot {
        var hours: Int
        var yStep: Int
        var yTop: Int

        init(hours: Int, peak: Int) {
            self.hours = hours
            yStep = SVGChart.tickStep(peak: peak)
            yTop = (peak + yStep - 1) / yStep * yStep
        }

        func x(_ hourIndex: Int) -> Double { left + (width - left - right) * Double(hourIndex) / Double(hours) }
        func y(_ count: Int) -> Double { top + (height - top - bottom) * (1 - Double(count) / Double(yTop)) }
    }

    /// `M…H…V…` through every hour; an unchanged count only extends the step.
    private static func stepLine(_ series: [Int], _ plot: Plot) -> String {
        var path = "M\(number(plot.x(0))) \(number(plot.y(series[0])))"
        for index in series.indices.dropFirst() where series[index] != series[index - 1] {
            path += "H\(number(plot.x(index)))V\(number(plot.y(series[index])))"
        }
        return path + "H\(number(plot.x(series.count)))"
    }

    private static func yAxis(_ plot: Plot) -> String {
        stride(from: 0, through: plot.yTop, by: plot.yStep).map { value in
            let y = number(plot.y(value))
            return "<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(y)\" y2=\"\(y)\"/>"
                + "<text class=\"axis\" x=\"\(number(left - 6))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">\(value)</text>\n"
        }.joined()
    }

    /// A line at every UTC midnight in the window; dates label the days that start there (and the
    /// window's first, partial day when it has room), thinned out so that labels never overlap.
    private static func dayLines(_ plot: Plot, start: Int64) -> String {
        let pixelsPerDay = plot.x(24) - plot.x(0)
        let labelEvery = max(1, Int((dateLabelWidth / pixelsPerDay).rounded(.up)))
        let firstMidnight = (start + day - 1) / day * day
        var svg = ""
        if plot.x(Int((firstMidnight - start) / hour)) - left >= dateLabelWidth {
            svg += dateLabel(UTCText.day(start), x: left)
        }
        for (index, midnight) in stride(from: firstMidnight, to: start + Int64(plot.hours) * hour, by: Int(day)).enumerated() {
            let x = plot.x(Int((midnight - start) / hour))
            svg += "<line class=\"day\" x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(number(top))\" y2=\"\(number(height - bottom + 4))\"/>\n"
            if index % labelEvery == 0, x + dateLabelWidth <= width - right { svg += dateLabel(UTCText.day(midnight), x: x) }
        }
        return svg
    }

    private static func dateLabel(_ text: String, x: Double) -> String {
        "<text class=\"axis\" x=\"\(number(x + 4))\" y=\"\(number(height - 8))\">\(HTMLEscaping.escape(text))</text>\n"
    }

    /// A round step (1, 2 or 5 times a power of ten) giving at most about four ticks up to `peak`.
    static func tickStep(peak: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= peak / 4 { magnitude *= 10 }
        return [1, 2, 5].first { magnitude * $0 * 4 >= peak }.map { magnitude * $0 } ?? magnitude * 10
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
