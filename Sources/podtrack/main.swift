import CMallocTuning
import Foundation
import PODTrack
import PODTrackCore

let commands: [any Command.Type] = [
    RunCommand.self, TryCommand.self, CheckCommand.self, WatchCommand.self, RejectsCommand.self, RetryCommand.self,
    PruneCommand.self, ExportCommand.self, StatusCommand.self, ExplainCommand.self,
    ReportCommand.self,
]

let usage = """
    podtrack: order status from file drops, for every storefront.

    usage: podtrack <command> [--site DIR] [options]

    commands:
    \(commands.map { "  \($0.name.padding(toLength: 8, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

    `podtrack <command> --help` tells more. --site defaults to the current folder.

    exit codes: 0 done; 1 done, needs attention; 2 usage error; 3 invalid definitions; 4 failure;
                5 another podtrack is working on the site.
    """

@MainActor
func runMain() -> Int32 {
    var items = Array(CommandLine.arguments.dropFirst())
    guard let name = items.first, !["--help", "-h", "help"].contains(name) else {
        print(usage)
        return items.isEmpty ? ExitCode.usage.rawValue : ExitCode.success.rawValue
    }
    items.removeFirst()
    guard let command = commands.first(where: { $0.name == name }) else {
        printError("podtrack: unknown command '\(name)'\n\n\(usage)")
        return ExitCode.usage.rawValue
    }
    var arguments = Arguments(items)
    if arguments.flag("--help") || arguments.flag("-h") {
        print(command.help)
        return ExitCode.success.rawValue
    }
    do {
        return try command.run(&arguments).rawValue
    } catch let error as UsageError {
        printError("podtrack \(name): \(error.message)\n\n\(command.help)")
        return ExitCode.usage.rawValue
    } catch let error as DefinitionProblems {
        printError("podtrack \(name): the site's definitions have problems, nothing was run:\n\(error.problems.map { "  \($0)" }.joined(separator: "\n"))")
        return ExitCode.definitions.rawValue
    } catch let error as SiteBusy {
        printError("podtrack \(name): \(error)")
        return ExitCode.busy.rawValue
    } catch {
        printError("podtrack \(name): \(error)")
        return ExitCode.failure.rawValue
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

// One malloc heap for every thread: with the reading, hashing and applying threads each given a
// heap of its own, the 200k-order world peaked about 10 MB higher, and one heap was no slower.
_ = cmalloc_use_one_arena()
exit(runMain())
