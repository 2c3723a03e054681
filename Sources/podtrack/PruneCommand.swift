import PODTrack

/// `podtrack prune`: trims the archive of processed drops.
enum PruneCommand: Command {
    static let name = "prune"
    static let summary = "delete archived drop files older than N days (the ledger keeps their records)"
    static let help = """
        usage: podtrack prune [--site DIR] [--wait] --older-than DAYS

        Deletes files in State/archive/ whose drops were received more than DAYS days ago. The
        ledger keeps every drop record, event and rejected row; `explain` still names the files.
        Quarantined files are never pruned: retry or remove them yourself.
        exit codes: 0 done; 2 usage; 4 failure; 5 site busy
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        guard let text = try arguments.option("--older-than") else { throw UsageError("--older-than DAYS is required") }
        guard let days = Double(text), days >= 0 else { throw UsageError("--older-than takes a number of days, not '\(text)'") }
        let wait = arguments.flag("--wait")
        _ = try arguments.positionals(count: 0, names: "")
        let pruned = try Engine(site: site, waitForLock: wait).pruneArchive(olderThanDays: days)
        print("pruned \(pruned.files) archived file(s), \(pruned.bytes) bytes")
        return .success
    }
}
