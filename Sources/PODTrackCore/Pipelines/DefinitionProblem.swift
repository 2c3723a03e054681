/// Something wrong in a pipeline definition: the file, the key (a dotted path) and what is wrong.
public struct DefinitionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String
    public var message: String

    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)"
    }
}

/// Several problems found at once, so that one `check` run lists them all.
public struct DefinitionProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [DefinitionProblem]
    public init(_ problems: [DefinitionProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Names of tenants, sources and storefronts: they become folder names and ledger keys.
public enum DefinitionName {
    /// True for a non-empty name of `a-z`, `0-9` and `-` only.
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }
    }
}
