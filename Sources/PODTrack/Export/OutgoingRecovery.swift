import Foundation
import Glibc
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
                let folder = tenantFolder.appendingPathComponent(storefront, isDirectory: true)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    let file = folder.appendingPathComponent(name)
                    if try ledger.exportRecorded(tenant: tenant, storefront: storefront, file: name) {
                        let outbox = site.outbox(tenant: tenant, storefront: storefront)
                        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
                        let destination = outbox.appendingPathComponent(name)
                        guard rename(file.path, destination.path) == 0 else {
                            throw IntakeError.cannotMove(site.relative(file), site.relative(destination), String(cString: strerror(errno)))
                        }
                        recovered.append(site.relative(destination))
                    } else {
                        try FileManager.default.removeItem(at: file)
                    }
                }
            }
        }
        return recovered
    }
}
