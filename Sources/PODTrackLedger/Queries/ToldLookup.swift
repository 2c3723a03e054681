/// Reads what the storefront was told of an export's rows on a connection of its own, on the
/// thread that prepares the export's rows (`ChangedOrdersAhead`), so that the export's
/// transaction needs no statement for a row that is no news. That connection sees `told` as it
/// was when the export began, which is exact for every row the export has not told yet: the
/// export is the only writer of its storefront's rows, and it tells each row once. A key met
/// twice (two orders' rows could in principle share one) is answered nil, unknown, from its
/// second sighting on (`KeySightings`), and the export asks its own connection.
///
/// Used on the preparing thread only.
public final class ToldLookup {
    /// The connection `query` runs on, open as long as the lookup is.
    private let database: Database
    private let query: ToldQuery
    private var sightings = KeySightings()

    init(database: Database, tenant: String, storefront: String) throws {
        self.database = database
        query = try ToldQuery(database: database, tenant: tenant, storefront: storefront)
    }

    /// What the storefront was told of the row under `key` before this export; nil when that
    /// cannot be known here (a key seen before in this export, or a failed read).
    public func toldBefore(_ key: String) -> ToldState? {
        guard sightings.firstSighting(of: key) else { return nil }
        return try? query.state(of: key)
    }
}
