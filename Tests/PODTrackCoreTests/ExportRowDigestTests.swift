import Testing
@testable import PODTrackCore

/// A row's digest is what the ledger remembers of it told, and ledgers keep the digests earlier
/// versions stored (and migration 8 made from the visible text): it must stay the digest of the
/// visible cells joined by U+001F, whatever the cells.
@Suite struct ExportRowDigestTests {
    @Test(arguments: [
        (["#1001", "fulfilled", "delivered", "UPS", "1Z9", "https://ups.example/1Z9", "TEE:1|MUG:2", "2026-11-01T10:00:00Z"], [7]),
        (["#1001", "", "", "", "", "", "", "2026-11-01T10:00:00Z"], [7]),
        (["Žluťoučký kůň", "a\u{1F}b", "\"quoted\"\nline", "=SUM(A1)"], []),
        (["only", "volatile"], [0, 1]),
        ([""], []),
        (["", ""], [1]),
        (["x", "", ""], [0]),
        ([], []),
    ] as [([String], Set<Int>)])
    func theDigestIsThatOfTheVisibleCellsJoined(cells: [String], volatile: Set<Int>) {
        let row = ExportRow(key: "k", cells: cells, volatileCells: volatile)
        let visible = cells.indices.filter { !volatile.contains($0) }.map { cells[$0] }.joined(separator: "\u{1F}")
        #expect(row.digest == ExportRow.digest(ofVisibleText: visible))
    }

    @Test func aVolatileCellDoesNotChangeTheDigestAndAVisibleOneDoes() {
        let row = ExportRow(key: "k", cells: ["#1", "shipped", "2026-11-01"], volatileCells: [2])
        var later = row
        later.cells[2] = "2026-11-02"
        #expect(later.digest == row.digest)
        later.cells[1] = "delivered"
        #expect(later.digest != row.digest)
        #expect(ExportRow(key: "k", cells: ["ab", "c"]).digest != ExportRow(key: "k", cells: ["a", "bc"]).digest)
    }
}
