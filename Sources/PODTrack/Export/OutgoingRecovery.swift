import Foundation
import PODTrackLedger

/// Finishes exports a crash interrupted: a file in `State/outgoing/` that the ledger recorded is
/// renamed into the Outbox; one it did not record (the commit never happened) is removed, and its
/// rows are exported again by the next pass.
struct OutgoingRecovery {
    let site: Site
    let ledger: Ledger

    func finishInterruptedExports() throws -> [String] {
        var recovered: [String] = []
        for tenant in SiteDefinitions.directories(in: site.outgoing) {
            let tenantFolder = site.outgoing.appendingPathComponent(tenant, isDirectory: true)
            for storefront in SiteDefinitions.directories(in: tenantFolder) {
                let folder = site.outgoing(tenant: tenant, storefront: storefront)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    let file = folder.appendingPathComponent(name)
                    if try ledger.exportRecorded(tenant: tenant, storefront: storefront, file: name) {
                        let published = try ExportFiles.publish(file, keepingIn: site.sent(tenant: tenant, storefront: storefront),
                                                                into: site.outbox(tenant: tenant, storefront: storefront), site: site)
                        recovered.append(site.relative(published))
                    } else {
                        try FileManager.default.removeItem(at: file)
                    }
                }
            }
        }
        return recovered
    }
}
