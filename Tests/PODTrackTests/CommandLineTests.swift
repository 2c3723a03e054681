import Foundation
import Testing

/// Exit codes and messages of the real binary on bad command lines and bad definitions.
@Suite(.enabled(if: PodtrackBinary.isBuilt, "needs the podtrack executable beside the test bundle"))
struct CommandLineTests {
    @Test func usageErrorsExitWithTwoAndShowTheCommandsHelp() throws {
        let unknown = try PodtrackBinary.run(["frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("unknown command 'frobnicate'"))
        let badOption = try PodtrackBinary.run(["run", "--sight", "/tmp"])
        #expect(badOption.status == 2)
        #expect(badOption.output.contains("unknown option --sight"))
        #expect(badOption.output.contains("usage: podtrack run"))
    }

    @Test(arguments: ["run", "try", "check", "watch", "rejects", "retry", "prune", "export", "status", "explain", "report"])
    func everyCommandHasHelp(command: String) throws {
        let result = try PodtrackBinary.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("usage: podtrack \(command)"))
    }

    @Test func invalidDefinitionsAreNamedAndNothingRuns() throws {
        let fixture = try SiteFixture()
        let erp = fixture.site.pipelines.appendingPathComponent("acme/sources/erp.json")
        let text = try String(contentsOf: erp, encoding: .utf8).replacingOccurrences(of: "\"Europe/Berlin\"", with: "\"Europe/Berlim\"")
        try text.write(to: erp, atomically: true, encoding: .utf8)

        let check = try PodtrackBinary.run(["check", "--site", fixture.site.root.path])
        #expect(check.status == 1)
        #expect(check.output.contains("Pipelines/acme/sources/erp.json: time.zone: 'Europe/Berlim' is not an IANA time zone"), "\(check.output)")
        let run = try PodtrackBinary.run(["run", "--site", fixture.site.root.path])
        #expect(run.status == 3)
        #expect(!FileManager.default.fileExists(atPath: fixture.site.state.path))
    }

    /// Off a terminal, `run` writes one log line per drop and per export on stderr: logfmt by
    /// default, JSON with --log-format json (every line an object).
    @Test func logLinesPerDropAndExport() throws {
        let folder = try TemporaryFolder()
        try DemoSite.copy(into: folder.url)
        let result = try PodtrackBinary.run(["run", "--site", folder.url.path, "--quiet", "--log-format", "json"])
        #expect(result.status == 0)
        let logLines = result.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(logLines.count == 8 + 3, "8 drops and 3 exports:\n\(result.output)")
        for line in logLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["ts"] != nil && object?["msg"] != nil, "\(line)")
        }
        #expect(logLines.contains { $0.contains(#""msg":"export published","tenant":"acme","storefront":"amazon-de""#) })
    }
}
