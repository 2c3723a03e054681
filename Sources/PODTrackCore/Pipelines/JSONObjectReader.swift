import Foundation

/// Reads one JSON object of a hand-edited definition, collecting every problem with its key path
/// instead of stopping at the first, and flagging keys it does not know (a typo is not ignored).
struct JSONObjectReader {
    let file: String
    let path: String
    let object: [String: Any]
    private let problems: ProblemList

    /// Parses `data` as a JSON object; a syntax error is one problem with no key.
    static func root(file: String, data: Data) throws(DefinitionProblems) -> JSONObjectReader {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw DefinitionProblems([DefinitionProblem(file: file, key: "", message: "not valid JSON: \(detail)")])
        }
        guard let object = parsed as? [String: Any] else {
            throw DefinitionProblems([DefinitionProblem(file: file, key: "", message: "expected a JSON object at the top")])
        }
        return JSONObjectReader(file: file, path: "", object: object, problems: ProblemList())
    }

    private init(file: String, path: String, object: [String: Any], problems: ProblemList) {
        self.file = file
        self.path = path
        self.object = object
        self.problems = problems
    }

    var collected: [DefinitionProblem] { problems.items }

    func keyPath(_ key: String) -> String {
        if key.isEmpty { return path }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    func problem(_ key: String, _ message: String) {
        problems.items.append(DefinitionProblem(file: file, key: keyPath(key), message: message))
    }

    /// Reports every key of this object that is not in `known`.
    func rejectUnknownKeys(_ known: Set<String>) {
        for key in object.keys.sorted() where !known.contains(key) {
            problem(key, "unknown key (known here: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = object[key] else {
            if required { problem(key, "missing (a string is required)") }
            return nil
        }
        guard let text = value as? String else {
            problem(key, "expected a string")
            return nil
        }
        return text
    }

    /// An optional number.
    func number(_ key: String) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value as? NSNumber, !(value is Bool) else {
            problem(key, "expected a number")
            return nil
        }
        return number.doubleValue
    }

    /// An optional true or false.
    func bool(_ key: String) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value as? Bool else {
            problem(key, "expected true or false")
            return nil
        }
        return flag
    }

    func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let value = object[key] else {
            if required { problem(key, "missing (a list of strings is required)") }
            return nil
        }
        if let text = value as? String { return [text] }
        guard let list = value as? [Any], let texts = list as? [String], !texts.isEmpty else {
            problem(key, "expected a string or a non-empty list of strings")
            return nil
        }
        return texts
    }

    func object(_ key: String, required: Bool = true) -> JSONObjectReader? {
        guard let value = object[key] else {
            if required { problem(key, "missing (an object is required)") }
            return nil
        }
        guard let nested = value as? [String: Any] else {
            problem(key, "expected an object")
            return nil
        }
        return JSONObjectReader(file: file, path: keyPath(key), object: nested, problems: problems)
    }

    /// The object's entries whose values are strings (or null when `allowNull`), sorted by key.
    func stringMap(allowNull: Bool = false) -> [(key: String, value: String?)] {
        var entries: [(key: String, value: String?)] = []
        for key in object.keys.sorted() {
            let value = object[key]
            if let text = value as? String {
                entries.append((key, text))
            } else if allowNull, value is NSNull {
                entries.append((key, nil))
            } else {
                problem(key, allowNull ? "expected a string or null" : "expected a string")
            }
        }
        return entries
    }

    /// The object's entries whose values are objects, sorted by key.
    func objectMap() -> [(key: String, value: JSONObjectReader)] {
        object.keys.sorted().compactMap { key in
            self.object(key).map { (key, $0) }
        }
    }
}

/// Shared, growing list of problems for one file (readers of nested objects append to it).
private final class ProblemList {
    var items: [DefinitionProblem] = []
}
