import PODTrackCore

/// Turns an export row's cells into the bytes of its line in the file, for the format's
/// delimiter. CSV cells are quoted RFC 4180-style and, unless turned off, cells a spreadsheet
/// would run as formulas get a leading `'`. TAB files (Amazon) cannot quote, so tabs and line
/// breaks inside a cell become spaces. A value, so the export's reading thread can encode rows
/// while the applying thread tells them (`StorefrontPublisher`).
struct ExportRowEncoder: Sendable {
    private let delimiter: UInt8
    private let neutralizeFormulas: Bool

    init(format: any ExportFormat, neutralizeFormulas: Bool) {
        delimiter = format.delimiter.asciiValue ?? UInt8(ascii: ",")
        self.neutralizeFormulas = neutralizeFormulas && format.delimiter == ","
    }

    /// The line of `cells`, line feed included.
    func encode(_ cells: [String]) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(cells.reduce(cells.count) { $0 + $1.utf8.count })
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(delimiter) }
            if delimiter == UInt8.tab {
                Self.appendUnquotable(cell, to: &line)
            } else {
                appendQuoted(neutralizeFormulas ? Self.neutralized(cell) : cell, to: &line)
            }
        }
        line.append(.lineFeed)
        return line
    }

    /// A CSV cell: as it is, or in quotes (quotes inside doubled) when it holds the delimiter, a
    /// quote or a line break. The bytes looked for are ASCII, so scanning UTF-8 finds only them.
    /// Scans the cell's contiguous UTF-8 buffer: through the `String.UTF8View` each byte cost a
    /// generic index step and a closure call (90 M instructions in round 48 of the 200k
    /// incremental world).
    private func appendQuoted(_ cell: String, to line: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == delimiter || $0 == .doubleQuote || $0 == .lineFeed || $0 == .carriageReturn }) else {
                line.append(contentsOf: bytes)
                return
            }
            line.append(.doubleQuote)
            for byte in bytes {
                if byte == .doubleQuote { line.append(.doubleQuote) }
                line.append(byte)
            }
            line.append(.doubleQuote)
        }
    }

    /// A TAB-format cell, which cannot be quoted: a tab or a line break (CR LF counts as one)
    /// becomes a space.
    private static func appendUnquotable(_ cell: String, to line: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in cell.utf8 {
            switch byte {
            case .lineFeed where previous == .carriageReturn: break
            case .tab, .lineFeed, .carriageReturn: line.append(.space)
            default: line.append(byte)
            }
            previous = byte
        }
    }

    /// `=SUM(A1)` → `'=SUM(A1)`; numbers such as `-5` or `+49` stay as they are.
    static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first, formulaStarts.contains(first) else { return cell }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+"), Double(cell) != nil { return cell }
        return "'" + cell
    }

    /// The first bytes that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)
}
