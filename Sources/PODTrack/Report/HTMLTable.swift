/// A column of a report table: its heading, and whether it holds numbers (right-aligned).
struct TableColumn {
    var title: String
    var isNumeric: Bool

    /// A column of text.
    static func text(_ title: String) -> TableColumn { TableColumn(title: title, isNumeric: false) }

    /// A column of counts.
    static func number(_ title: String) -> TableColumn { TableColumn(title: title, isNumeric: true) }
}

/// One cell of a report table: its text and how it is shown.
struct TableCell {
    /// How a cell is shown: plain text, a count, a file name or code, or something to look at.
    enum Look: String {
        case text = ""
        case number = "num"
        case code = "code"
        case warningNumber = "num warn"
    }

    var text: String
    var look: Look

    /// Plain text.
    static func text(_ text: String) -> TableCell { TableCell(text: text, look: .text) }

    /// A file name, path, id or message, in a monospace font.
    static func code(_ text: String) -> TableCell { TableCell(text: text, look: .code) }

    /// A count; highlighted when `warnWhenPositive` and it is above zero.
    static func number(_ value: Int, warnWhenPositive: Bool = false) -> TableCell {
        TableCell(text: String(value), look: warnWhenPositive && value > 0 ? .warningNumber : .number)
    }
}

/// An HTML table of escaped text; a table without rows renders as the `empty` sentence instead.
struct HTMLTable {
    var columns: [TableColumn]
    var rows: [[TableCell]]

    /// The table's HTML, or a muted paragraph saying `empty` when there are no rows.
    func render(empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(HTMLEscaping.escape(empty))</p>\n" }
        var html = "<div class=\"scroll\"><table>\n<thead><tr>"
        for column in columns {
            html += "<th\(classAttribute(column.isNumeric ? "num" : ""))>\(HTMLEscaping.escape(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { "<td\(classAttribute($0.look.rawValue))>\(HTMLEscaping.escape($0.text))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    private func classAttribute(_ classes: String) -> String {
        classes.isEmpty ? "" : " class=\"\(classes)\""
    }
}
