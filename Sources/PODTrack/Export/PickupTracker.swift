import Foundation
import PODTrackLedger

/// Storefronts take a file by deleting or moving it out of the Outbox: that is their receipt.
/// Each pass records when a published file was first seen gone.
struct PickupTracker {
    let site: Site
    let ledger: Ledger

    /// Marks every waiting export whose file has left the Outbox (and is not being written in
    /// `outgoing` either); returns how many. Each storefront's two folders are listed once, not
    /// looked up file by file: a storefront that stopped picking up leaves a file per pass waiting.
    func recordPickups(at time: Int64) throws -> Int {
        var present: [String: Set<String>] = [:]
        var picked = 0
        for export in try ledger.exportsWaitingForPickup() {
            let storefront = "\(export.tenant)/\(export.storefront)"
            if present[storefront] == nil {
                present[storefront] = try fileNames(in: site.outbox(tenant: export.tenant, storefront: export.storefront))
                    .union(try fileNames(in: site.outgoing(tenant: export.tenant, storefront: export.storefront)))
            }
            if present[storefront]?.contains(export.file) != true {
                try ledger.markPickedUp(export.id, at: time)
                picked += 1
            }
        }
        return picked
    }

    /// The names in `folder`; none when it does not exist (its files were all taken). A folder
    /// that cannot be read is an error, not an empty folder: nothing is marked picked up then.
    private func fileNames(in folder: URL) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }
}
