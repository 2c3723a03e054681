import Foundation
import PODTrackLedger

/// The folders of one podtrack installation: definitions, inbox, outbox and the state folder
/// (ledger, archive, quarantine, files being written), all inside the site's root.
public struct Site: Sendable {
    public let root: URL

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    }

    public var pipelines: URL { root.appendingPathComponent("Pipelines", isDirectory: true) }
    public var inbox: URL { root.appendingPathComponent("Inbox", isDirectory: true) }
    public var outbox: URL { root.appendingPathComponent("Outbox", isDirectory: true) }
    public var state: URL { root.appendingPathComponent("State", isDirectory: true) }
    public var ledgerPath: String { state.appendingPathComponent("ledger.sqlite").path }
    public var archive: URL { state.appendingPathComponent("archive", isDirectory: true) }
    public var quarantine: URL { state.appendingPathComponent("quarantine", isDirectory: true) }
    /// Export files are written here, then renamed into the Outbox (same file system).
    public var outgoing: URL { state.appendingPathComponent("outgoing", isDirectory: true) }

    public func inbox(tenant: String, source: String) -> URL {
        inbox.appendingPathComponent(tenant, isDirectory: true).appendingPathComponent(source, isDirectory: true)
    }

    public func outbox(tenant: String, storefront: String) -> URL {
        outbox.appendingPathComponent(tenant, isDirectory: true).appendingPathComponent(storefront, isDirectory: true)
    }

    /// Where a storefront's export files are written before they are renamed into its Outbox folder.
    public func outgoing(tenant: String, storefront: String) -> URL {
        outgoing.appendingPathComponent(tenant, isDirectory: true).appendingPathComponent(storefront, isDirectory: true)
    }

    /// Where a copy of every file published to a storefront is kept, for resends.
    public func sent(tenant: String, storefront: String) -> URL {
        state.appendingPathComponent("sent", isDirectory: true).appendingPathComponent(tenant, isDirectory: true)
            .appendingPathComponent(storefront, isDirectory: true)
    }

    /// The site's ledger for commands that only read it (no lock: SQLite's WAL lets them read
    /// while a pass writes). Fails clearly when no pass has run yet.
    public func openLedgerForReading() throws -> Ledger {
        guard FileManager.default.fileExists(atPath: ledgerPath) else { throw NoLedgerYet(site: root.path) }
        return try Ledger(path: ledgerPath)
    }

    /// A path relative to the site's root, for messages (absolute if outside it).
    public func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// A read-only command ran on a site where no pass has run.
public struct NoLedgerYet: Error, CustomStringConvertible {
    public let site: String
    public var description: String { "\(site) has no ledger yet (State/ledger.sqlite): run `podtrack run` first" }
}
