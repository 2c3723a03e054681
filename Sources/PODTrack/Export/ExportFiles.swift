import Foundation
import Glibc
import PODTrackCore

/// A storefront's export folders and file names: staging in `State/outgoing/`, the kept copy in
/// `State/sent/`, and the Outbox folder the storefront picks files up from.
struct ExportFiles {
    let site: Site
    let storefront: StorefrontDefinition

    var outbox: URL { site.outbox(tenant: storefront.tenant, storefront: storefront.name) }
    var staging: URL { site.outgoing(tenant: storefront.tenant, storefront: storefront.name) }
    var sent: URL { site.sent(tenant: storefront.tenant, storefront: storefront.name) }

    func createFolders() throws {
        for folder in [outbox, staging, sent] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    /// `shopify-000042.csv`; a resend of 17 is `shopify-000042-resend-000017.csv`. Sequence numbers
    /// are padded so that a lexical sort of the names is their order of creation.
    func name(_ seq: Int, resendOf original: Int? = nil) -> String {
        let format = storefront.format.format
        let resend = original.map { "-resend-\($0.zeroPadded(6))" } ?? ""
        return "\(format.filePrefix)-\(seq.zeroPadded(6))\(resend).\(format.fileExtension)"
    }

    /// Keeps a hard link under `sent/`, then renames the staged file into the Outbox.
    func publish(_ staged: URL) throws -> URL {
        try Self.publish(staged, keepingIn: sent, into: outbox, site: site)
    }

    /// Keeps a hard link of `staged` in `sent`, then renames it into `outbox`; returns where it is now.
    static func publish(_ staged: URL, keepingIn sent: URL, into outbox: URL, site: Site) throws -> URL {
        try FileManager.default.createDirectory(at: sent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let kept = sent.appendingPathComponent(staged.lastPathComponent)
        if link(staged.path, kept.path) != 0 && errno != EEXIST {
            throw FileSystemError.cannotMove(site.relative(staged), site.relative(kept), String(cString: strerror(errno)))
        }
        let destination = outbox.appendingPathComponent(staged.lastPathComponent)
        guard rename(staged.path, destination.path) == 0 else {
            throw FileSystemError.cannotMove(site.relative(staged), site.relative(destination), String(cString: strerror(errno)))
        }
        return destination
    }
}
