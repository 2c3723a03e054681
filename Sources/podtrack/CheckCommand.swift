import PODTrack
import PODTrackCore

/// `podtrack check`: validates every definition of the site.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "validate every pipeline definition (file, key and problem)"
    static let help = """
        usage: podtrack check [--site DIR]

        Reads and compiles every definition under Pipelines/<tenant>/sources/ and storefronts/:
        JSON syntax, unknown keys, names ([a-z0-9-]+), formats, patterns, time formats and zones,
        status words, vocabularies. Lists every problem with its file and key.
        exit codes: 0 all valid; 1 problems found; 2 usage
        """

    static func run(_ arguments: inout Arguments) throws -> ExitCode {
        let site = Site(root: try arguments.option("--site") ?? ".")
        _ = try arguments.positionals(count: 0, names: "")
        do {
            let definitions = try SiteDefinitions.load(site)
            for tenant in definitions.tenants {
                let sources = tenant.sources.map(\.definition.name).joined(separator: ", ")
                let storefronts = tenant.storefronts.map { "\($0.name) (\($0.format.rawValue), \($0.channel))" }.joined(separator: ", ")
                print("\(tenant.name): sources \(sources.isEmpty ? "none" : sources); storefronts \(storefronts.isEmpty ? "none" : storefronts)")
            }
            print("all definitions are valid")
            return .success
        } catch {
            for problem in error.problems { print(problem) }
            print("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") found")
            return .attention
        }
    }
}
