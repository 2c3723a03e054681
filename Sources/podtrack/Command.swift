/// A podtrack subcommand: its name, its help text and what it does.
protocol Command {
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }
    static func run(_ arguments: inout Arguments) throws -> ExitCode
}
