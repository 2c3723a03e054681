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

/// A row of an export, made ready on the export's reading thread (`StorefrontExport.forEachChangedOrder`):
/// what the ledger remembers of it, what the storefront was told of it before (nil: ask), and
/// its line in the file.
private struct PreparedRow: Sendable {
    var row: ExportRow
    var digest: RecordDigest
    var toldBefore: ToldState?
    var line: [UInt8]
}

/// Publishes a storefront's rows into one file (formatted, digested and encoded beside the
/// applying thread, on the export's reading thread): written and fsynced under `State/outgoing/`,
/// recorded in the ledger together with the storefront's cursor, kept under `State/sent/` (for
/// resends), then renamed into `Outbox/<tenant>/<storefront>/` whole.
struct StorefrontPublisher {
    let site: Site
    let ledger: Ledger
    let now: () -> Int64

    /// Exports what changed since the last export (or, for a snapshot, everything) of `storefront`.
    func publish(_ storefront: StorefrontDefinition, scope: ExportScope = .changes) throws -> ExportReport {
        let format = storefront.format.format
        let encoder = ExportRowEncoder(format: format, neutralizeFormulas: storefront.neutralizeFormulas)
        let files = ExportFiles(site: site, storefront: storefront)
        try files.createFolders()
        var temporary: URL?
        let written = try ledger.export(tenant: storefront.tenant, storefront: storefront.name, channel: storefront.channel,
                                        scope: scope, createdAt: now(), fileName: { files.name($0) }) { export -> String? in
            let path = files.staging.appendingPathComponent(files.name(export.seq))
            var writer: ExportWriter?
            let prepare = { @Sendable (order: OrderView, told: ToldLookup?) in
                format.rows(for: order, storefront: storefront).map {
                    PreparedRow(row: $0, digest: $0.digest, toldBefore: told?.toldBefore($0.key), line: encoder.encode($0.cells))
                }
            }
            try export.forEachChangedOrder(preparing: prepare) { order, rows in
                for prepared in rows where try export.tell(prepared.row, digest: prepared.digest, toldBefore: prepared.toldBefore,
                                                           of: order.orderNo, once: format.sendsEachRowOnce) {
                    if writer == nil {
                        writer = try ExportWriter(header: encoder.encode(format.header), path: path.path, mode: storefront.fileMode)
                    }
                    try writer?.append(prepared.line)
                }
            }
            guard var finished = writer else { return nil }
            temporary = path
            return try finished.close()
        }
        guard let temporary else {
            return ExportReport(tenant: storefront.tenant, storefront: storefront.name, file: nil, rows: 0)
        }
        let published = try files.publish(temporary)
        return ExportReport(tenant: storefront.tenant, storefront: storefront.name, file: site.relative(published), rows: written.rows)
    }

    /// Publishes export `seq` again, as it was, under the next sequence number with `-resend-<seq>`
    /// in its name. Refused for once-only storefronts (Amazon takes a repeat as a new
    /// confirmation) unless `allowRepeats`.
    func resend(_ storefront: StorefrontDefinition, seq: Int, allowRepeats: Bool) throws -> ExportReport {
        let format = storefront.format.format
        guard !format.sendsEachRowOnce || allowRepeats else { throw ExportError.onceOnly(storefront.name) }
        guard let original = try ledger.exportRecord(tenant: storefront.tenant, storefront: storefront.name, seq: seq) else {
            throw ExportError.noSuchExport(storefront.name, seq)
        }
        let files = ExportFiles(site: site, storefront: storefront)
        try files.createFolders()
        let kept = files.sent.appendingPathComponent(original.file)
        guard FileManager.default.fileExists(atPath: kept.path) else { throw ExportError.notKept(site.relative(kept)) }
        guard try FileChunks.fingerprint(kept.path).hex == original.fingerprint else {
            throw ExportError.keptCopyChanged(site.relative(kept))
        }
        let name = { (next: Int) in files.name(next, resendOf: seq) }
        let record = try ledger.recordResend(of: original, fileName: name, createdAt: now())
        let temporary = files.staging.appendingPathComponent(record.file)
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.copyItem(at: kept, to: temporary)
        let published = try files.publish(temporary)
        return ExportReport(tenant: storefront.tenant, storefront: storefront.name, file: site.relative(published), rows: record.rows)
    }
}

/// Why an export command refused.
public enum ExportError: Error, CustomStringConvertible {
    case onceOnly(String)
    case noSuchExport(String, Int)
    case notKept(String)
    case noSuchStorefront(String)
    case keptCopyChanged(String)

    public var description: String {
        switch self {
        case .onceOnly(let name):
            "\(name) takes every row as a new confirmation: a resend would confirm its lines twice. "
                + "Use --allow-repeats if the storefront really lost the file."
        case .noSuchExport(let name, let seq): "\(name) has no export number \(seq)"
        case .notKept(let path): "the sent copy \(path) is gone (pruned?): use --snapshot instead"
        case .noSuchStorefront(let name): "no storefront \(name) is defined"
        case .keptCopyChanged(let path): "the sent copy \(path) no longer has the bytes that were published: use --snapshot instead"
        }
    }
}
