import Foundation
import Testing
import PODTrackCore
@testable import PODTrackLedger

/// The memory a drop leaves for its source's next one, as the ledger keeps it in chunks.
@Suite struct RecordMemoryLedgerTests {
    let folder: LedgerFolder

    init() throws {
        folder = try LedgerFolder()
    }

    private static func digests(_ range: Range<Int>) -> [RecordDigest] {
        range.map { RecordDigest(of: Array("row \($0)".utf8)) }
    }

    /// Applies a drop of `tenant`/erp that remembers `digests`; `failing` rolls it back at its end.
    private func remembering(_ ledger: Ledger, _ digests: [RecordDigest], tenant: String = "acme", failing: Bool = false) throws {
        let name = "ORDERS-\(UUID().uuidString).csv"
        let claim = DropClaim(tenant: tenant, source: "erp", name: name, fingerprint: name, size: 1, receivedAt: 0)
        _ = try ledger.applyDrop(claim, sourceKind: .erp, storedAs: "archive/\(name)") { applier in
            for digest in digests { try applier.remember(digest) }
            if failing { throw DropFailure("\(name) is broken at its end", hint: "") }
            return DropCounts()
        }
    }

    @Test func aDropsDigestsComeBackWholeAcrossChunks() throws {
        let ledger = try folder.open()
        let digests = Self.digests(0..<(RecordMemoryWriter.chunkDigests * 2 + 17))
        try remembering(ledger, digests)
        #expect(try ledger.recordMemory(tenant: "acme", source: "erp") == RecordMemory(digests))
        #expect(try ledger.rows("SELECT count(*) FROM record_memories") == ["3"])
    }

    @Test func theNextDropReplacesTheMemoryAndAFailedOneLeavesIt() throws {
        let ledger = try folder.open()
        try remembering(ledger, Self.digests(0..<5000))
        try remembering(ledger, Self.digests(5000..<5010))
        #expect(try ledger.recordMemory(tenant: "acme", source: "erp") == RecordMemory(Self.digests(5000..<5010)))
        #expect(throws: DropFailure.self) { try remembering(ledger, Self.digests(9000..<9100), failing: true) }
        #expect(try ledger.recordMemory(tenant: "acme", source: "erp") == RecordMemory(Self.digests(5000..<5010)))
        #expect(try ledger.recordMemory(tenant: "northwind", source: "erp").isEmpty, "tenants never share a memory")
    }

    @Test func aDropKeepsAtMostTheCapacity() throws {
        let ledger = try folder.open()
        try remembering(ledger, Self.digests(0..<(RecordMemory.capacity + 1000)))
        let memory = try ledger.recordMemory(tenant: "acme", source: "erp")
        #expect(memory.digests.count == RecordMemory.capacity)
        #expect(memory.contains(RecordDigest(of: Array("row 0".utf8))))
        #expect(!memory.contains(RecordDigest(of: Array("row \(RecordMemory.capacity)".utf8))), "rows past the capacity are read again next time")
    }
}
