/// Something in an inbox folder that podtrack leaves alone (a name no definition matches, a
/// symbolic link, a FIFO): reported once, not at every pass.
public struct InboxNotice: Hashable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

extension Ledger {
    /// Keeps the stored notices to exactly `current` and returns those not reported before (a
    /// notice whose file went away is forgotten, so it is reported again if the file comes back).
    public func newInboxNotices(_ current: [InboxNotice], at time: Int64) throws -> [InboxNotice] {
        try database.transaction {
            var known: Set<InboxNotice> = []
            try database.cached("SELECT path, reason FROM inbox_notices").forEachRow { row in
                known.insert(InboxNotice(path: row.text(0), reason: row.text(1)))
            }
            for gone in known.subtracting(current) {
                try database.cached("DELETE FROM inbox_notices WHERE path = ? AND reason = ?").run(.text(gone.path), .text(gone.reason))
            }
            let fresh = current.filter { !known.contains($0) }
            for notice in fresh {
                try database.cached("INSERT OR IGNORE INTO inbox_notices (path, reason, first_seen) VALUES (?, ?, ?)")
                    .run(.text(notice.path), .text(notice.reason), .integer(time))
            }
            return fresh
        }
    }
}
