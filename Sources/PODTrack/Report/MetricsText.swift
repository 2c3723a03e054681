import Foundation
import PODTrackCore
import PODTrackLedger

/// The Prometheus text exposition of a site, for node_exporter's textfile collector: counters
/// from the ledger's totals, gauges from its health, and the last pass's duration.
public enum MetricsText {
    public static func render(health: SiteHealth, totals: [DropTotals], exportFiles: [(tenant: String, storefront: String, files: Int)],
                              passSeconds: Double) -> String {
        var out = MetricsBuilder()
        out.family("podtrack_drops_total", "counter", "Drop files taken, by outcome (applied, duplicate, quarantined).")
        for t in totals { out.sample("podtrack_drops_total", ["tenant": t.tenant, "source": t.source, "outcome": t.state], t.drops) }
        out.family("podtrack_rows_total", "counter", "Records read from applied drops.")
        for t in totals where t.state == "applied" { out.sample("podtrack_rows_total", ["tenant": t.tenant, "source": t.source], t.records) }
        out.family("podtrack_events_total", "counter", "Events, new or already known (re-delivered).")
        for t in totals where t.state == "applied" {
            out.sample("podtrack_events_total", ["tenant": t.tenant, "source": t.source, "kind": "new"], t.eventsNew)
            out.sample("podtrack_events_total", ["tenant": t.tenant, "source": t.source, "kind": "duplicate"], t.eventsDuplicate)
        }
        out.family("podtrack_rejected_rows_total", "counter", "Rows that could not become events.")
        for t in totals where t.state == "applied" { out.sample("podtrack_rejected_rows_total", ["tenant": t.tenant, "source": t.source], t.rejected) }
        out.family("podtrack_inbox_waiting_files", "gauge", "Files in a source's inbox not taken yet.")
        out.family("podtrack_quarantined_drops", "gauge", "Quarantined drops waiting for a retry.")
        for tenant in health.tenants {
            for source in tenant.sources {
                let labels = ["tenant": tenant.name, "source": source.health.source]
                out.sample("podtrack_inbox_waiting_files", labels, source.waitingFiles)
                out.sample("podtrack_quarantined_drops", labels, source.health.quarantined)
            }
        }
        out.family("podtrack_orphan_shipments", "gauge", "Shipments with carrier events no ERP line links yet.")
        out.family("podtrack_stuck_orders", "gauge", "Orders in one state longer than the tenant allows (listed up to 20).")
        for tenant in health.tenants {
            out.sample("podtrack_orphan_shipments", ["tenant": tenant.name], tenant.orphans.shipments)
            out.sample("podtrack_stuck_orders", ["tenant": tenant.name], tenant.stuck.count)
        }
        out.family("podtrack_export_files_total", "counter", "Export files published.")
        for count in exportFiles { out.sample("podtrack_export_files_total", ["tenant": count.tenant, "storefront": count.storefront], count.files) }
        out.family("podtrack_exports_waiting_pickup", "gauge", "Published files the storefront has not picked up.")
        out.family("podtrack_exports_late", "gauge", "Published files not picked up within the storefront's limit.")
        for tenant in health.tenants {
            for storefront in tenant.storefronts {
                let labels = ["tenant": tenant.name, "storefront": storefront.storefront]
                out.sample("podtrack_exports_waiting_pickup", labels, storefront.waiting)
                out.sample("podtrack_exports_late", labels, storefront.late)
            }
        }
        out.family("podtrack_pass_duration_seconds", "gauge", "Wall time of the last pass.")
        out.sample("podtrack_pass_duration_seconds", [:], passSeconds)
        out.family("podtrack_ledger_bytes", "gauge", "Size of the ledger database.")
        out.sample("podtrack_ledger_bytes", [:], health.ledgerBytes)
        out.family("podtrack_last_pass_timestamp_seconds", "gauge", "When the last pass ended (Unix time).")
        out.sample("podtrack_last_pass_timestamp_seconds", [:], Double(health.generatedAt) / 1000)
        return out.text
    }
}

/// Builds exposition text: HELP and TYPE lines, then samples with escaped, sorted labels.
private struct MetricsBuilder {
    var text = ""

    mutating func family(_ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Int) {
        sample(name, labels, String(value))
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Double) {
        sample(name, labels, String(format: "%.3f", value))
    }

    private mutating func sample(_ name: String, _ labels: [String: String], _ value: String) {
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value.backslashEscaped)\"" }.joined(separator: ",")
        text += labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(rendered)} \(value)\n"
    }
}
