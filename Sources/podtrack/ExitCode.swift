/// podtrack's exit codes (also listed by `podtrack --help` and in the README).
enum ExitCode: Int32 {
    /// Done.
    case success = 0
    /// Done, and something needs attention: `check` found problems, `try` would quarantine the file.
    case attention = 1
    /// The command line is wrong.
    case usage = 2
    /// The site's definitions are invalid: nothing was run.
    case definitions = 3
    /// A failure while running (file system, ledger): what was committed stays committed.
    case failure = 4
    /// Another podtrack is working on the site (`--wait` waits for it instead).
    case busy = 5
}
