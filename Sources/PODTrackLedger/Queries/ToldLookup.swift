import PODTrackCore

/// What a storefront was told of a row before the export in progress.
public enum ToldState: Sendable, Equatable {
    /// The row was never told.
    case never
    /// The row was told, with this digest (`ExportRow.digest`).
    case told(RecordDigest)
}

/// Reads what the storefront was told of an export's rows on the export's reading connection
/// (`ChangedOrdersAhead`), so that the export's transaction needs no statement for a row that is
/// no news. The reading connection sees `told` as it was when the export began, which is exact
/// for every row the export has not told yet: the export is the only writer of its storefront's
/// rows, and it tells each row once. A key met twice (two orders' rows could in principle share
/// one) is answered nil, unknown, from its second sighting on (`KeySightings`), and the export
/// asks its own connection.
///
/// Used on the reading thread only.
public final class ToldLookup {
    private let statement: Statement
    private let tenant: String
    private let storefront: String
    private var sightings = KeySightings()

    init(database: Database, tenant: String, storefront: String) throws {
        statement = try database.cached("SELECT digest FROM told WHERE tenant = ? AND storefront = ? AND row_key = ?")
        self.tenant = tenant
        self.storefront = storefront
    }

    /// What the storefront was told of the row under `key` before this export; nil when that
    /// cannot be known here (a key seen before in this export, a failed read, a digest that is
    /// not 16 bytes).
    public func toldBefore(_ key: String) -> ToldState? {
        guard sightings.firstSighting(of: key) else { return nil }
        let found: RecordDigest??
        do {
            found = try statement.first([.text(tenant), .text(storefront), .text(key)]) { row -> RecordDigest? in
                var digests: [RecordDigest] = []
                RecordDigestCoding.decode(row.blob(0), into: &digests)
                return digests.count == 1 ? digests[0] : nil
            }
        } catch {
            return nil
        }
        switch found {
        case .none: return .never
        case .some(.some(let digest)): return .told(digest)
        case .some(.none): return nil
        }
    }
}
