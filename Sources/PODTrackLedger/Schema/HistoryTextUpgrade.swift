import CSQLite
import PODTrackCore

/// Schema 4 stored a line's or shipment's history as text, `id:occurred_at:state` entries
/// separated by spaces; schema 5 stores bytes (`HistoryCoding`, untagged). Migration 5 converts every row
/// with the SQL function defined here.
enum HistoryTextUpgrade {
    static let function = "podtrack_history_from_text"

    static func define(on database: Database) throws {
        try database.defineFunction(function, historyFromText)
    }

    /// The bytes of a text history; a malformed entry (a ledger edited by hand) is skipped, as
    /// schema 4 skipped it when reading.
    static func compact(_ text: String) -> [UInt8] {
        let entries: [EventHistory.Entry] = text.split(separator: " ").compactMap { entry in
            let parts = entry.split(separator: ":")
            guard parts.count == 3, let id = Int64(parts[0]), let occurredAt = Int64(parts[1]),
                  let state = LifecycleState(rawValue: String(parts[2])) else { return nil }
            return EventHistory.Entry(id: id, occurredAt: occurredAt, state: state)
        }
        var bytes: [UInt8] = []
        HistoryCoding.append(entries, to: &bytes, after: nil, layout: .untagged)
        return bytes
    }
}

/// The SQL function `HistoryTextUpgrade.function`: the bytes of its one text argument. A file-level
/// function, as SQLite calls it through a C pointer.
private func historyFromText(_ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    let text = values?[0].flatMap { sqlite3_value_text($0) }.map { String(cString: $0) } ?? ""
    let bytes = HistoryTextUpgrade.compact(text)
    if bytes.isEmpty {
        sqlite3_result_zeroblob(context, 0)
    } else {
        bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), csqlite_transient()) }
    }
}
