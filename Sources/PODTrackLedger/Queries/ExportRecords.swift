/// An export file as the ledger recorded it.
public struct ExportRecord: Sendable, Equatable {
    public var id: Int64
    public var tenant: String
    public var storefront: String
    public var seq: Int
    public var file: String
    public var rows: Int
    public var createdAt: Int64
    public var pickedUpAt: Int64?
    public var kind: String
    public var fingerprint: String?
}

/// Reads and writes the `exports` table: sequence numbers, pickups, resends.
enum ExportRecords {
    static let columns = "id, tenant, storefront, seq, file, rows, created_at, picked_up_at, kind, fingerprint"

    static func record(_ row: Statement) -> ExportRecord {
        ExportRecord(id: row.int(0), tenant: row.text(1), storefront: row.text(2), seq: Int(row.int(3)), file: row.text(4),
                     rows: Int(row.int(5)), createdAt: row.int(6), pickedUpAt: row.optionalInt(7), kind: row.text(8),
                     fingerprint: row.optionalText(9))
    }

    /// The next sequence number of a storefront's exports.
    static func nextSeq(_ database: Database, tenant: String, storefront: String) throws -> Int {
        Int(try database.cached("SELECT coalesce(max(seq), 0) + 1 FROM exports WHERE tenant = ? AND storefront = ?")
            .first([.text(tenant), .text(storefront)]) { $0.int(0) } ?? 1)
    }
}

extension Ledger {
    /// True when an export file of this name was committed for the storefront.
    public func exportRecorded(tenant: String, storefront: String, file: String) throws -> Bool {
        try database.cached("SELECT 1 FROM exports WHERE tenant = ? AND storefront = ? AND file = ? AND rows > 0")
            .first([.text(tenant), .text(storefront), .text(file)]) { _ in true } ?? false
    }

    /// Published files the storefront has not picked up yet, oldest first.
    public func exportsWaitingForPickup() throws -> [ExportRecord] {
        var records: [ExportRecord] = []
        try database.cached("SELECT \(ExportRecords.columns) FROM exports WHERE picked_up_at IS NULL AND rows > 0 ORDER BY id")
            .forEachRow { records.append(ExportRecords.record($0)) }
        return records
    }

    /// Records when a published file was first seen gone from the Outbox: the storefront's receipt.
    public func markPickedUp(_ id: Int64, at time: Int64) throws {
        try database.cached("UPDATE exports SET picked_up_at = ? WHERE id = ? AND picked_up_at IS NULL").run(.integer(time), .integer(id))
    }

    /// A storefront's export number `seq`, if it exists.
    public func exportRecord(tenant: String, storefront: String, seq: Int) throws -> ExportRecord? {
        try database.cached("SELECT \(ExportRecords.columns) FROM exports WHERE tenant = ? AND storefront = ? AND seq = ?")
            .first([.text(tenant), .text(storefront), .int(seq)]) { ExportRecords.record($0) }
    }

    /// Records a resend of export `original` as a new export `file` with the next sequence number.
    public func recordResend(of original: ExportRecord, fileName: (Int) -> String, createdAt: Int64) throws -> ExportRecord {
        try database.transaction {
            let seq = try ExportRecords.nextSeq(database, tenant: original.tenant, storefront: original.storefront)
            try database.cached("""
                INSERT INTO exports (tenant, storefront, seq, file, rows, created_at, kind, resend_of, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, 'resend', ?, ?)
                """).run(.text(original.tenant), .text(original.storefront), .int(seq), .text(fileName(seq)), .int(original.rows),
                         .integer(createdAt), .integer(original.id), .text(original.fingerprint))
            let id = database.lastInsertRowID
            try database.cached("INSERT INTO export_rows (export_id, order_no, row_key) SELECT ?, order_no, row_key FROM export_rows WHERE export_id = ?")
                .run(.integer(id), .integer(original.id))
            return try database.cached("SELECT \(ExportRecords.columns) FROM exports WHERE id = ?").first([.integer(id)]) {
                ExportRecords.record($0)
            } ?? original
        }
    }
}
