import Foundation
import PODTrackCore
import PODTrackLedger

/// The status funnel as a bar table: a row per state in lifecycle order, a column per tenant and
/// storefront channel; each cell holds the channel's item lines at that state and an SVG bar scaled
/// to the channel's largest count.
enum FunnelTable {
    /// A tenant's storefront channel, as the ERP names it.
    private struct Channel: Hashable {
        var tenant: String
        var name: String
    }

    private static let barWidth = 120
    private static let barHeight = 12

    /// Progress states by rank, then the terminal ones.
    private static let lifecycleOrder: [String] = {
        let progress = LifecycleState.allCases.filter { $0.rank > 0 }.sorted { $0.rank < $1.rank }
        let terminal = LifecycleState.allCases.filter { $0.role == .terminal }
        return (progress + terminal).map(\.rawValue)
    }()

    /// The funnel's HTML, or a sentence saying there are no order lines yet.
    static func render(_ funnel: [FunnelCount]) -> String {
        guard !funnel.isEmpty else { return "<p class=\"empty\">No order lines in the ledger yet.</p>\n" }
        var channels: [Channel] = []
        var lines: [Channel: [String: Int]] = [:]
        for count in funnel {
            let channel = Channel(tenant: count.tenant, name: count.channel)
            if lines[channel] == nil { channels.append(channel) }
            lines[channel, default: [:]][count.state, default: 0] += count.lines
        }
        let totals = channels.map { lines[$0]?.values.reduce(0, +) ?? 0 }
        let largest = channels.map { lines[$0]?.values.max() ?? 0 }

        var html = "<div class=\"scroll\"><table class=\"funnel\">\n<thead><tr><th>state</th>"
        for channel in channels {
            html += "<th>\(HTMLEscaping.escape(channel.tenant))<br><span class=\"channel\">\(HTMLEscaping.escape(channel.name))</span></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for state in states(in: funnel) {
            let note = state == FunnelCount.noProgress ? "<br><span class=\"channel\">no progress yet</span>" : ""
            html += "<tr class=\"\(rowClass(state))\"><th scope=\"row\">\(HTMLEscaping.escape(state))\(note)</th>"
            for (index, channel) in channels.enumerated() {
                html += cell(lines: lines[channel]?[state] ?? 0, state: state, channelTotal: totals[index], largest: largest[index])
            }
            html += "</tr>\n"
        }
        html += "<tr class=\"total\"><th scope=\"row\">all lines</th>"
        html += totals.map { "<td><span class=\"n\">\($0)</span></td>" }.joined()
        return html + "</tr>\n</tbody></table></div>\n"
    }

    /// Every lifecycle state (a zero row says as much as a full one), then any other state the
    /// ledger reported, as named.
    private static func states(in funnel: [FunnelCount]) -> [String] {
        var states = lifecycleOrder
        for count in funnel where !states.contains(count.state) { states.append(count.state) }
        return states
    }

    /// `progress`, `delivered`, `terminal` (the first terminal row also starts a new group) or `other`.
    private static func rowClass(_ state: String) -> String {
        switch LifecycleState(rawValue: state)?.role {
        case .progress: state == LifecycleState.delivered.rawValue ? "delivered" : "progress"
        case .terminal: state == LifecycleState.cancelled.rawValue ? "terminal group-start" : "terminal"
        case .flag, nil: "other"
        }
    }

    private static func cell(lines: Int, state: String, channelTotal: Int, largest: Int) -> String {
        // A positive count makes the channel's total and largest count positive too: no division by zero.
        guard lines > 0 else { return "<td class=\"zero\"><span class=\"n\">0</span></td>" }
        let width = max(1, barWidth * lines / largest)
        let share = String(format: "%.1f", 100 * Double(lines) / Double(channelTotal))
        let label = HTMLEscaping.escape("\(lines) line(s) \(state): \(share)% of the channel")
        return "<td><span class=\"n\">\(lines)</span><svg class=\"bar\" width=\"\(barWidth)\" height=\"\(barHeight)\" role=\"img\" "
            + "aria-label=\"\(label)\"><title>\(label)</title><rect class=\"track\" width=\"\(barWidth)\" height=\"\(barHeight)\" rx=\"2\"/>"
            + "<rect class=\"fill\" width=\"\(width)\" height=\"\(barHeight)\" rx=\"2\"/></svg></td>"
    }
}
