import Foundation
import Glibc
import PODTrackCore
import PODTrackLedger

/// What one storefront export produced.
public struct ExportReport: Sendable {
    public var tenant: String
    public var storefront: String
    /// The file published into the Outbox, if anything was new.
    public var file: String?
    public var rows: Int
}

/// Publishes a storefront's changes: rows whose visible values changed since its last export go
/// into one file, written and synced under `State/outgoing/`, recorded in the ledger together
/// with the storefront's cursor, then renamed into `Outbox/<tenant>/<storefront>/` whole.
struct StorefrontPublisher {
    let site: Site
    let ledger: Ledger
    let now: () -> Int64

    func publish(_ storefront: StorefrontDefinition) throws -> ExportReport {
        let format = storefront.format.format
        let outbox = site.outbox(tenant: storefront.tenant, storefront: storefront.name)
        let staging = site.outgoing.appendingPathComponent(storefront.tenant, isDirectory: true)
            .appendingPathComponent(storefront.name, isDirectory: true)
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let fileName = { (seq: Int) in "\(format.filePrefix)-\(Self.padded(seq)).\(format.fileExtension)" }
        var written: URL?
        let report = try ledger.export(tenant: storefront.tenant, storefront: storefront.name, channel: storefront.channel,
                                       createdAt: now(), fileName: fileName) { export -> ExportReport in
            let temporary = staging.appendingPathComponent(fileName(export.seq))
            var writer: ExportWriter?
            try export.forEachChangedOrder { order in
                for row in format.rows(for: order, storefront: storefront) where try export.isNews(row, once: format.sendsEachRowOnce) {
                    if writer == nil { writer = try ExportWriter(format: format, path: temporary.path) }
                    writer?.append(row.cells)
                    try export.markTold(row)
                }
            }
            guard var finished = writer else {
                return ExportReport(tenant: storefront.tenant, storefront: storefront.name, file: nil, rows: 0)
            }
            try finished.close()
            written = temporary
            return ExportReport(tenant: storefront.tenant, storefront: storefront.name,
                                file: site.relative(outbox.appendingPathComponent(fileName(export.seq))), rows: export.rows)
        }
        if let written {
            let destination = outbox.appendingPathComponent(written.lastPathComponent)
            guard rename(written.path, destination.path) == 0 else {
                throw IntakeError.cannotMove(site.relative(written), site.relative(destination), String(cString: strerror(errno)))
            }
        }
        return report
    }

    /// Sequence numbers padded so that a lexical sort of file names is their order of creation.
    static func padded(_ seq: Int) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
