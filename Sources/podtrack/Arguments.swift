/// A command line, consumed as a command reads its options: `--name value`, `--name=value`,
/// flags, then positionals. Anything left over is a usage error.
struct Arguments {
    private var items: [String]

    init(_ items: [String]) { self.items = items }

    /// Removes and returns the value of `--name VALUE` or `--name=VALUE`.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        for (index, item) in items.enumerated() {
            if item == name {
                guard index + 1 < items.count, !items[index + 1].hasPrefix("--") else {
                    throw UsageError("\(name) needs a value")
                }
                let value = items[index + 1]
                items.removeSubrange(index...index + 1)
                return value
            }
            if item.hasPrefix(name + "=") {
                items.remove(at: index)
                return String(item.dropFirst(name.count + 1))
            }
        }
        return nil
    }

    /// Removes `--name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = items.firstIndex(of: name) else { return false }
        items.remove(at: index)
        return true
    }

    /// Every remaining positional argument (any number); an unknown `--option` is a usage error.
    mutating func remaining() throws(UsageError) -> [String] {
        if let unknown = items.first(where: { $0.hasPrefix("--") }) {
            throw UsageError("unknown option \(unknown)")
        }
        defer { items.removeAll() }
        return items
    }

    /// Exactly `count` remaining positional arguments (`names` says what they are, for the error).
    mutating func positionals(count: Int, names: String) throws(UsageError) -> [String] {
        let rest = try remaining()
        guard rest.count == count else {
            throw UsageError(count == 0 ? "unexpected argument \(rest[0])" : "expected \(names)")
        }
        return rest
    }
}

/// A command line that does not parse: the message, then the command's usage.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
