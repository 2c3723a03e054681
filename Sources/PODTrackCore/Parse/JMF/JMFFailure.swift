import Foundation

/// The reasons a whole JMF drop cannot be used, as `DropFailure`s with a hint for the operator.
enum JMFFailure {
    /// The document is not well-formed XML, or is a MIME bundle rather than bare JMF.
    static func malformed(_ error: XMLSyntaxError, document: Data) -> DropFailure {
        if MIMEBundle.looksLikeMIME(document) {
            return DropFailure("a MIME multipart bundle (JMF with attached parts), not a bare JMF message",
                               hint: "have the sender post plain JMF to this folder, or save the JMF part of the bundle as its own .jmf file")
        }
        return DropFailure("malformed XML at line \(error.line), column \(error.column): \(error.reason)",
                           hint: "the file is not well-formed XML (a truncated copy or a hand edit?); re-export it from the device and drop it again")
    }

    /// Well-formed XML whose root is not `JMF` or `XJMF`.
    static func notJMF(rootName: String, line: Int) -> DropFailure {
        DropFailure("not a JMF message: root element is \(rootName) (line \(line))",
                    hint: rootName == "JDF" || rootName == "XJDF"
                        ? "this is a JDF job ticket, not device status; route job tickets elsewhere or narrow this source's file pattern to *.jmf"
                        : "this source reads JMF/XJMF device messages only; check which system writes into this folder")
    }

    /// No bytes, or only whitespace.
    static let empty = DropFailure("the file is empty: no JMF message in it",
                                   hint: "check the device's JMF export; an empty file usually means an interrupted write")

    /// More bytes than the reader keeps in memory.
    static func tooLarge(limit: Int) -> DropFailure {
        DropFailure("the file is larger than \(limit >> 20) MB, more than a JMF message should be",
                    hint: "check what wrote it; split a JMF log into one message file per signal")
    }
}

/// Recognises a MIME message (`.mjm`: JMF plus JDF parts) by its header block.
enum MIMEBundle {
    private static let headerLimit = 4096

    /// Whether the text before the first blank line holds a MIME-Version or multipart Content-Type header.
    static func looksLikeMIME(_ document: Data) -> Bool {
        let head = String(decoding: document.prefix(headerLimit), as: UTF8.self)
        for line in head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let header = line.lowercased()
            if header.trimmingCharacters(in: .whitespaces).isEmpty { return false }
            if header.hasPrefix("mime-version:") || header.hasPrefix("content-type: multipart/") { return true }
        }
        return false
    }
}
