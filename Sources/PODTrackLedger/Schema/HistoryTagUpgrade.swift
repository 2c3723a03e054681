import CSQLite
import PODTrackCore

/// Schema 5 found duplicates through a unique index on `events(occurred_at, dedupe)`; schema 6
/// keeps each event's dedupe tag in its subject's history instead (`HistoryCoding.Layout.tagged`),
/// so events are appended with no index. Migration 6 rewrites every history with the SQL function
/// defined here, which takes each entry's tag from the `dedupe` column of its event.
enum HistoryTagUpgrade {
    static let function = "podtrack_history_tagged"

    static func define(on database: Database) throws {
        try database.defineFunction(function, context: TagLookup(database: database), historyTagged)
    }

    /// The tagged bytes of an untagged history; `tag(id)` gives an event's tag (0 for an event
    /// the ledger does not have, which no new event can match).
    static func tagged(_ untagged: [UInt8], tag: (Int64) throws -> UInt32?) rethrows -> [UInt8] {
        let entries = try HistoryCoding.decode(untagged, layout: .untagged).map { entry in
            var tagged = entry
            tagged.tag = try tag(entry.id) ?? 0
            return tagged
        }
        var bytes: [UInt8] = []
        HistoryCoding.append(entries, to: &bytes, after: nil)
        return bytes
    }
}

/// Reads an event's dedupe tag from schema 5's `events.dedupe`, for `historyTagged`.
private final class TagLookup {
    unowned let database: Database

    init(database: Database) {
        self.database = database
    }

    func tag(of id: Int64) throws -> UInt32? {
        try database.cached("SELECT dedupe FROM events WHERE id = ?").first([.integer(id)]) { UInt32(truncatingIfNeeded: $0.int(0)) }
    }
}

/// The SQL function `HistoryTagUpgrade.function`: its one blob argument, tagged. A file-level
/// function, as SQLite calls it through a C pointer; the `TagLookup` is the function's user data.
private func historyTagged(_ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let data = sqlite3_user_data(context) else { return sqlite3_result_error(context, "no tag lookup", -1) }
    let lookup = Unmanaged<TagLookup>.fromOpaque(data).takeUnretainedValue()
    let value = values?[0]
    let size = value.map { Int(sqlite3_value_bytes($0)) } ?? 0
    let untagged = value.flatMap { sqlite3_value_blob($0) }.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
    do {
        let bytes = try HistoryTagUpgrade.tagged(untagged, tag: lookup.tag(of:))
        if bytes.isEmpty {
            sqlite3_result_zeroblob(context, 0)
        } else {
            bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
        }
    } catch {
        sqlite3_result_error(context, "tagging a history: \(error)", -1)
    }
}
