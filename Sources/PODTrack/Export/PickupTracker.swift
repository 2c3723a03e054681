import Foundation
import PODTrackLedger

/// Storefronts take a file by deleting or moving it out of the Outbox: that is their receipt.
/// Each pass records when a published file was first seen gone.
struct PickupTracker {
    let site: Site
    let ledger: Ledger

    /// Marks every waiting export whose file has left the Outbox; returns how many.
    func recordPickups(at time: Int64) throws -> Int {
        var picked = 0
        for export in try ledger.exportsWaitingForPickup() {
            let file = site.outbox(tenant: export.tenant, storefront: export.storefront).appendingPathComponent(export.file)
            let staged = site.outgoing(tenant: export.tenant, storefront: export.storefront).appendingPathComponent(export.file)
            if !FileManager.default.fileExists(atPath: file.path) && !FileManager.default.fileExists(atPath: staged.path) {
                try ledger.markPickedUp(export.id, at: time)
                picked += 1
            }
        }
        return picked
    }
}
