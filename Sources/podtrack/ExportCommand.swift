import PODTrack

/// `podtrack export`: resend a file, or publish a storefront's whole state.
enum ExportCommand: Command {
    static let name = "export"
    static let summary = "resend an export file, or publish a storefront's whole current state"
    static let help = """
        usage: podtrack export [--site DIR] [--wait] TENANT/STOREFRONT (--resend SEQ [--allow-repeats] | --snapshot)

          --resend SEQ     publish export number SEQ again, as it was, under the next number with
                           -resend-SEQ in its name (for a storefront that lost or broke the file)
          --snapshot       publish every current row of the storefront's orders (for a storefront
                           that lost its data). Rows a once-only storefront (Amazon) was already
                           sent are left out: it would take them as new confirmations.
          --allow-repeats  let --resend repeat rows of a once-only storefront anyway
        exit codes: 0 done; 2 usage; 3 invalid definitions; 4 failure; 5 site busy
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        let resendText = try arguments.option("--resend")
        let snapshot = arguments.flag("--snapshot")
        let allowRepeats = arguments.flag("--allow-repeats")
        let wait = arguments.flag("--wait")
        let target = try arguments.positionals(count: 1, names: "TENANT/STOREFRONT")[0].split(separator: "/").map(String.init)
        guard target.count == 2 else { throw UsageError("'\(target.joined(separator: "/"))' is not TENANT/STOREFRONT") }
        guard (resendText != nil) != snapshot else { throw UsageError("give one of --resend SEQ or --snapshot") }
        let resend = try resendText.map { text throws(UsageError) -> Int in
            guard let seq = Int(text), seq > 0 else { throw UsageError("--resend takes an export number, not '\(text)'") }
            return seq
        }
        let report = try Engine(site: site, waitForLock: wait).exportAgain(tenant: target[0], storefront: target[1],
                                                                          resend: resend, allowRepeats: allowRepeats)
        print(report.file.map { "published \($0) (\(report.rows) rows)" } ?? "nothing to publish: no rows")
        return .success
    }
}
