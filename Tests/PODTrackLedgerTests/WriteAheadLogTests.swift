import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// The ledger's write-ahead log file outlives the process, restarted, so the next pass writes
/// into pages the file already has and opens it without replaying it (`WriteAheadLogReuse`).
@Suite struct WriteAheadLogTests {
    /// Enough orders for the pass to write many pages into the log.
    private static let orders = (1...2_000).map { TestEvents.erp("A-\($0)", 1, .received, at: Int64($0)) }

    private func logFrames(_ folder: LedgerFolder) throws -> Int64? {
        try Database(path: folder.ledgerPath).cached("PRAGMA wal_checkpoint(PASSIVE)").first { $0.int(1) }
    }

    private func logSize(_ folder: LedgerFolder) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: folder.ledgerPath + "-wal")[.size] as? Int) ?? 0
    }

    private func fileSize(_ folder: LedgerFolder) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: folder.ledgerPath)[.size] as? Int) ?? 0
    }

    /// Pages the 2 000 orders take in the file once copied (about 50; the schema alone, one).
    private static let copiedPages = 20

    @Test func aClosedLedgerLeavesItsLogRestartedWithNothingToReplay() throws {
        let folder = try LedgerFolder()
        try folder.open().apply(Self.orders)
        #expect(logSize(folder) > 10 * Ledger.pageSize, "the log file is kept at the size the pass made it")
        #expect(try logFrames(folder) == 1, "only the commit that restarted the log counts; the pass's frames are behind it")
        #expect(try folder.open().rows("SELECT count(*) FROM orders") == ["2000"])
    }

    @Test func aLedgerClosingWhileAnotherConnectionReadsLeavesTheLogWholeAndLosesNothing() throws {
        let folder = try LedgerFolder()
        let reader = try Database(path: folder.ledgerPath)
        do {
            let ledger = try folder.open()
            try ledger.apply(Self.orders)
            try reader.execute("BEGIN")
            #expect(try reader.cached("SELECT count(*) FROM orders").first { $0.int(0) } == 2000)
        }
        try reader.execute("COMMIT")
        #expect(try logFrames(folder) ?? 0 > 1, "the reader kept the log from being restarted")
        #expect(try folder.open().rows("SELECT count(*) FROM orders") == ["2000"])
    }

    /// A commit that leaves the log past the threshold does not copy it itself: the ledger's
    /// checkpointing thread does, while the connection goes on writing; everything is there after.
    @Test func aLongLogIsCopiedIntoTheFileBesideTheWriterAndNothingIsLost() throws {
        let folder = try LedgerFolder()
        do {
            let ledger = try Ledger(path: folder.ledgerPath, entityCapacity: EntityStore.defaultCapacity,
                                    checkpointFrames: (background: 10, inline: BackgroundCheckpoint.inlineFrames))
            for (index, chunk) in stride(from: 0, to: Self.orders.count, by: 500).enumerated() {
                try ledger.apply(Array(Self.orders[chunk..<min(chunk + 500, Self.orders.count)]), name: "drop-\(index)")
            }
            // Nothing else copies the log into the file while the ledger is open (the commits stay
            // far below the inline threshold), so the file grows only by the thread's checkpoints.
            let deadline = Date().addingTimeInterval(10)
            while fileSize(folder) < Self.copiedPages * Ledger.pageSize && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            #expect(fileSize(folder) >= Self.copiedPages * Ledger.pageSize, "the thread copied the drops' pages into the file")
            #expect(ledger.checkpoint?.checkpointsRun ?? 0 > 0)
            #expect(try ledger.rows("SELECT count(*) FROM orders") == ["2000"])
        }
        #expect(try logFrames(folder) == 1, "closed, the log is restarted as ever")
        #expect(try folder.open().rows("SELECT count(*) FROM orders") == ["2000"])
        #expect(try Database(path: folder.ledgerPath).cached("PRAGMA integrity_check").first { $0.text(0) } == "ok")
    }

    /// Past the inline threshold a commit copies the log itself, once the thread is idle, so the
    /// log cannot grow batch after batch while the writer keeps appending: with every commit past
    /// it, each begins on a restarted log, and the file stays at about one commit's frames.
    @Test func pastTheInlineThresholdEachCommitCopiesTheLogAndTheLogStaysShort() throws {
        let folder = try LedgerFolder()
        do {
            let ledger = try Ledger(path: folder.ledgerPath, entityCapacity: EntityStore.defaultCapacity,
                                    checkpointFrames: (background: 2, inline: 2))
            var largest = 0
            for (index, chunk) in stride(from: 0, to: Self.orders.count, by: 100).enumerated() {
                try ledger.apply(Array(Self.orders[chunk..<min(chunk + 100, Self.orders.count)]), name: "drop-\(index)")
                largest = max(largest, logSize(folder))
            }
            #expect(try ledger.rows("SELECT count(*) FROM orders") == ["2000"])
            #expect(largest < 40 * Ledger.pageSize, "the log restarts instead of growing: \(largest) bytes at most")
            #expect(ledger.checkpoint?.checkpointsRun == 0, "the committing connection copied the log, not the thread")
        }
        #expect(try logFrames(folder) == 1)
        #expect(try folder.open().rows("SELECT count(*) FROM orders") == ["2000"])
        #expect(try Database(path: folder.ledgerPath).cached("PRAGMA integrity_check").first { $0.text(0) } == "ok")
    }
}
