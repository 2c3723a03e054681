import PODTrack

/// `podtrack rejects`: the rows that could not become events.
enum RejectsCommand: Command {
    static let name = "rejects"
    static let summary = "list rejected rows: file, line, field, reason and the raw text"
    static let help = """
        usage: podtrack rejects [--site DIR] [--tenant T] [--source S] [--drop ID] [--limit N]

        Lists rejected rows, newest drops first: the drop id and file, the line and field, why it
        was rejected and the row as it stood in the file. Reads the ledger only (safe while a pass runs).

          --limit N   at most N rows (default 100)
        exit codes: 0 done; 2 usage; 4 failure (e.g. no ledger yet)
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let tenant = try arguments.option("--tenant")
        let source = try arguments.option("--source")
        let dropText = try arguments.option("--drop")
        let limitText = try arguments.option("--limit") ?? "100"
        _ = try arguments.positionals(count: 0, names: "")
        let dropID = try dropText.map { text throws(UsageError) -> Int64 in
            guard let id = Int64(text) else { throw UsageError("--drop takes a drop id, not '\(text)'") }
            return id
        }
        guard let limit = Int(limitText), limit > 0 else { throw UsageError("--limit takes a positive number, not '\(limitText)'") }
        let rows = try site.openLedgerForReading().rejects(tenant: tenant, source: source, dropID: dropID, limit: limit)
        if rows.isEmpty { print("no rejected rows") }
        for row in rows {
            print("drop \(row.dropID) \(row.tenant)/\(row.source) \(row.fileName) line \(row.line)"
                  + "\(row.field.map { ", field \($0)" } ?? ""): \(row.reason)\n    \(row.rawText)")
        }
        return .success
    }
}
