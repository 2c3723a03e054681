import PODTrack

/// `podtrack retry`: quarantined drops back into the inbox.
enum RetryCommand: Command {
    static let name = "retry"
    static let summary = "put quarantined drops back into their inbox after a fix"
    static let help = """
        usage: podtrack retry [--site DIR] [--wait] (--list | --all | DROP-ID…)

        A file that could not be used at all sits in State/quarantine/<tenant>/<source>/ with an
        .error.txt. Once the cause is fixed (the source definition, or the file itself in place),
        retry moves it back into Inbox/<tenant>/<source>/ and the next pass takes it.

          --list      list quarantined drops with their ids and errors, move nothing
          --all       retry every quarantined drop
          --wait      wait for another podtrack working on the site (default: exit 5)
        exit codes: 0 done; 2 usage; 4 failure; 5 site busy
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let list = arguments.flag("--list")
        let all = arguments.flag("--all")
        let wait = arguments.flag("--wait")
        let ids = try arguments.remaining().map { text throws(UsageError) -> Int64 in
            guard let id = Int64(text) else { throw UsageError("'\(text)' is not a drop id") }
            return id
        }
        guard [list, all, !ids.isEmpty].filter({ $0 }).count == 1 else {
            throw UsageError("give one of --list, --all or drop ids")
        }
        let engine = try Engine(site: site, waitForLock: wait)
        if list {
            let drops = try engine.quarantined()
            if drops.isEmpty { print("no quarantined drops") }
            for drop in drops {
                print("\(drop.id)  \(drop.tenant)/\(drop.source)  \(drop.name)  \(drop.storedAs ?? "")\n    \(drop.error ?? "")")
            }
            return .success
        }
        let retried = try engine.retry(ids: all ? nil : ids)
        for drop in retried { print("drop \(drop.id): \(drop.from) → \(drop.to)") }
        print(retried.isEmpty ? "no quarantined drops" : "\(retried.count) drop(s) back in the inbox: the next `podtrack run` takes them")
        return .success
    }
}
