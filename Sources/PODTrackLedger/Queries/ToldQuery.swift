import PODTrackCore

/// What a storefront was told of a row before the export in progress.
public enum ToldState: Sendable, Equatable {
    /// The row was never told.
    case never
    /// The row was told, with this digest (`ExportRow.digest`); nil when the stored digest is not
    /// 16 bytes, which any row differs from.
    case told(RecordDigest?)
}

/// Reads what a tenant's storefront was told of one row (`told`), on the connection it was
/// prepared on: the export's own (`StorefrontExport.tell`) or its reading one (`ToldLookup`).
struct ToldQuery {
    private let statement: Statement
    private let tenant: String
    private let storefront: String

    init(database: Database, tenant: String, storefront: String) throws {
        statement = try database.cached("SELECT digest FROM told WHERE tenant = ? AND storefront = ? AND row_key = ?")
        self.tenant = tenant
        self.storefront = storefront
    }

    func state(of key: String) throws -> ToldState {
        try statement.first([.text(tenant), .text(storefront), .text(key)]) { row in
            ToldState.told(RecordDigestCoding.digest(row.blob(0)))
        } ?? .never
    }
}
