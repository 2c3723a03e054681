import CSQLite
import PODTrackCore

/// Schema 7 remembered a row told to a storefront by its whole visible text (70–100 bytes a row);
/// schema 8 keeps the 16 bytes of its digest (`ExportRow.digest`). Migration 8 converts every
/// `told` row with the SQL function defined here, so a row told before stays told.
enum ToldDigestUpgrade {
    static let function = "podtrack_told_digest"

    static func define(on database: Database) throws {
        try database.defineFunction(function, toldDigest)
    }
}

/// The SQL function `ToldDigestUpgrade.function`: the digest blob of its one text argument. A
/// file-level function, as SQLite calls it through a C pointer.
private func toldDigest(_ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    let text = values?[0].flatMap { sqlite3_value_text($0) }.map { String(cString: $0) } ?? ""
    let bytes = RecordDigestCoding.bytes(ExportRow.digest(ofVisibleText: text))
    bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
}
