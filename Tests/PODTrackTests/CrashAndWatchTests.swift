import Foundation
import Glibc
import Testing

/// The real binary under the failures file-drop pipelines meet: killed at any moment, files
/// written slowly while it watches, and a watch over a whole world.
@Suite(.enabled(if: PodtrackBinary.isBuilt && TestPaths.hasBench, "needs the podtrack executable and ../shared/bench"))
struct CrashAndWatchTests {
    /// Each round's `run` is killed with SIGKILL at a random moment, then run again to the end:
    /// the Outbox must end exactly as an uninterrupted run's (Amazon lines confirmed once).
    @Test func killedRunsLoseAndDoubleNothing() throws {
        let world = try WorldFixture(["--orders", "250", "--sources", "erp,rip,ups", "--days", "8", "--seed", "3"])
        let site = try SiteFixture()
        guard let binary = PodtrackBinary.url?.path else { return }
        var kills = 0
        var delays = SystemRandomNumberGenerator()
        for round in try world.rounds {
            try copyTree(round, into: site.site.inbox)
            for _ in 0..<2 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["run", "--site", site.site.root.path, "--wait"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 0...40_000, using: &delays))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                }
                process.waitUntilExit()
            }
            let finish = try PodtrackBinary.run(["run", "--site", site.site.root.path, "--wait"])
            #expect(finish.status == 0, "\(finish.output)")
        }
        #expect(kills >= 20, "only \(kills) runs were killed mid-way: the test proves little")
        try world.check(outbox: site.site.outbox)
        let leftovers = (try? FileManager.default.subpathsOfDirectory(atPath: site.site.outgoing.path)) ?? []
        #expect(leftovers.allSatisfy { !$0.contains(".") }, "half-written exports left behind: \(leftovers)")
    }

    /// A file written in chunks over seconds while `watch` runs is taken once, whole.
    @Test func aSlowWriterIsIngestedOnceAndWhole() throws {
        let site = try SiteFixture()
        let watch = try WatchProcess(site: site.site.root.path, settle: 1)
        defer { watch.stop() }
        let header = "OrderNo;Line;SKU;Qty;Channel;ChannelRef;ChannelLineRef;Status;Changed;Carrier;TrackingNo;ShipTo\r\n"
        let rows = (1...40).map { "A-\($0);1;TEE;1;SHOPIFY-EU;#\($0);;RELEASED;24.11.2026 08:15:00;;;Name\r\n" }
        let folder = site.site.inbox(tenant: "acme", source: "erp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ORDERS_slow.csv").path
        let handle = try #require(FileHandle(forWritingAtPath: createEmpty(path)))
        try handle.write(contentsOf: Data(header.utf8))
        for chunk in stride(from: 0, to: rows.count, by: 8) {
            usleep(600_000)
            try handle.write(contentsOf: Data(rows[chunk..<min(chunk + 8, rows.count)].joined().utf8))
        }
        try handle.close()
        try watch.waitUntil(timeout: 20) { !FileManager.default.fileExists(atPath: path) }
        watch.stop()
        let log = watch.output
        #expect(log.components(separatedBy: "ORDERS_slow.csv  applied").count == 2, "taken once:\n\(log)")
        #expect(log.contains("ORDERS_slow.csv  applied: 40 rows, 40 new events"), "taken whole:\n\(log)")
    }

    /// `watch` fed a world round by round ends at the same verdict as `run`.
    @Test func watchOverAWorldMatchesRun() throws {
        let world = try WorldFixture(["--orders", "200", "--sources", "erp,rip,ups", "--days", "5", "--seed", "5"])
        let site = try SiteFixture()
        let watch = try WatchProcess(site: site.site.root.path, settle: 0)
        defer { watch.stop() }
        for round in try world.rounds {
            try copyTree(round, into: site.site.inbox)
            try watch.waitUntil(timeout: 30) { inboxIsEmpty(site.site.inbox) }
        }
        try watch.waitUntil(timeout: 10) { watch.output.contains("totals:") }
        watch.stop()
        #expect(watch.exitStatus == 0, "watch ends with 0 on SIGTERM:\n\(watch.output)")
        try world.check(outbox: site.site.outbox)
    }

    private func createEmpty(_ path: String) -> String {
        _ = FileManager.default.createFile(atPath: path, contents: nil)  // the caller's FileHandle fails if it did not
        return path
    }

    private func inboxIsEmpty(_ inbox: URL) -> Bool {
        let entries = (try? FileManager.default.subpathsOfDirectory(atPath: inbox.path)) ?? []
        return entries.allSatisfy { entry in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: inbox.appendingPathComponent(entry).path, isDirectory: &isDirectory)
            return !exists || isDirectory.boolValue  // gone since the listing, or a folder
        }
    }
}

/// `podtrack watch` running in the background, its output collected in a file.
final class WatchProcess {
    private let process = Process()
    private let log: URL

    init(site: String, settle: Double) throws {
        log = URL(fileURLWithPath: site).appendingPathComponent("watch.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)  // FileHandle(forWritingTo:) throws if it did not
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = PodtrackBinary.url
        process.arguments = ["watch", "--site", site, "--settle", String(settle), "--scan-every", "1"]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    var exitStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

    /// Polls `condition` until it holds; an issue is recorded when `timeout` seconds pass first.
    func waitUntil(timeout: Double, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else {
                Issue.record("timed out after \(timeout) s; watch said:\n\(output)")
                return
            }
            usleep(50_000)
        }
    }

    /// SIGTERM, then waits for it to finish the drop in hand and exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
