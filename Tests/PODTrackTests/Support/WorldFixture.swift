import Foundation
import Testing

/// A world written by `../shared/bench/gen_drops.py`: its rounds of drops and its expected.json.
struct WorldFixture {
    let folder: TemporaryFolder

    init(_ arguments: [String]) throws {
        folder = try TemporaryFolder()
        let result = try runProcess("/usr/bin/env", ["python3", TestPaths.bench.appendingPathComponent("gen_drops.py").path, folder.url.path] + arguments)
        try #require(result.status == 0, "gen_drops.py failed: \(result.output)")
    }

    /// The rounds' folders (`rounds/NNNN`), in order.
    var rounds: [URL] {
        get throws {
            let rounds = folder.path("rounds")
            return try FileManager.default.contentsOfDirectory(atPath: rounds.path).sorted().map { rounds.appendingPathComponent($0) }
        }
    }

    /// Holds `outbox` against expected.json with check_outbox.py; records an issue unless it ends `0 failed`.
    func check(outbox: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try runProcess("/usr/bin/env", ["python3", TestPaths.bench.appendingPathComponent("check_outbox.py").path,
                                                      outbox.path, folder.path("expected.json").path])
        let verdict = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(result.status == 0 && verdict.hasSuffix(" 0 failed"), "check_outbox.py:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
