import Foundation
@testable import PODTrack
import PODTrackLedger

/// A site in a temporary folder with the repository's `Pipelines/`, ready for drops.
struct SiteFixture {
    let folder: TemporaryFolder
    let site: Site

    init() throws {
        folder = try TemporaryFolder()
        site = Site(root: folder.url.path)
        try copyTree(TestPaths.packageRoot.appendingPathComponent("Pipelines"), into: site.pipelines)
        try FileManager.default.createDirectory(at: site.inbox, withIntermediateDirectories: true)
    }

    /// Writes a drop into `Inbox/<tenant>/<source>/<name>`.
    func drop(_ tenant: String, _ source: String, _ name: String, _ bytes: Data) throws {
        let folder = site.inbox(tenant: tenant, source: source)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try bytes.write(to: folder.appendingPathComponent(name))
    }

    /// One pass of the real engine, as `podtrack run` does it.
    @discardableResult
    func run() throws -> PassSummary {
        try Engine(site: site).runOnce()
    }

    /// Every export file of a storefront, in lexical (creation) order, as text.
    func exports(_ tenant: String, _ storefront: String) throws -> [String] {
        let folder = site.outbox(tenant: tenant, storefront: storefront)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Ledger rows whose declared references lead nowhere (`PRAGMA foreign_key_check`): the
    /// ledger does not enforce its references while writing, so the tests hold them to it.
    func brokenReferences() throws -> [String] {
        let database = try Database(path: site.ledgerPath)
        var broken: [String] = []
        try database.cached("PRAGMA foreign_key_check").forEachRow { row in
            broken.append("\(row.text(0)) row \(row.int(1)) refers to a missing \(row.text(2)) row")
        }
        return broken
    }

    /// Every row `sql` selects from the ledger, each as its columns quoted and joined.
    func ledgerRows(_ sql: String) throws -> [String] {
        let database = try Database(path: site.ledgerPath)
        var rows: [String] = []
        try database.cached(sql).forEachRow { row in
            rows.append((0..<row.columnCount).map { row.isNull($0) ? "NULL" : "'\(row.text($0))'" }.joined(separator: ","))
        }
        return rows
    }
}
