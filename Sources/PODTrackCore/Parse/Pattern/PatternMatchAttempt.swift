import Foundation

/// One attempt to match compiled ``PatternStep``s against a whole input, backtracking depth-first
/// and giving up (no match) once `stepLimit` units of work are spent. A unit is one step entered,
/// one candidate end of a greedy field, or one occurrence of a terminator's first byte examined,
/// so the total work is bounded by the limit times the cost of one `memchr`.
struct PatternMatchAttempt {
    private let steps: [PatternStep]
    private let input: UnsafeBufferPointer<UInt8>
    private var stepsLeft: Int
    /// Capture ranges of the last successful ``matches(from:at:)``, by capture index.
    private(set) var captures: [Range<Int>]

    init(steps: [PatternStep], captureCount: Int, input: UnsafeBufferPointer<UInt8>, stepLimit: Int) {
        self.steps = steps
        self.input = input
        self.stepsLeft = stepLimit
        self.captures = Array(repeating: 0..<0, count: captureCount)
    }

    /// Whether `steps[stepIndex...]` match `input[position...]` up to its very end.
    mutating func matches(from stepIndex: Int = 0, at position: Int = 0) -> Bool {
        guard spendStep() else { return false }
        guard stepIndex < steps.count else { return position == input.count }
        switch steps[stepIndex] {
        case .literal(let bytes):
            return hasLiteral(bytes, at: position) && matches(from: stepIndex + 1, at: position + bytes.count)
        case .lazy(let capture, nil):
            guard position < input.count else { return false }
            record(capture, position..<input.count)
            return matches(from: stepIndex + 1, at: input.count)
        case .lazy(let capture, let terminator?):
            return matchesLazy(stepIndex, at: position, capture: capture, terminator: terminator)
        case .greedy(let capture, let run):
            return matchesGreedy(stepIndex, at: position, capture: capture, run: run)
        }
    }

    /// Tries each following occurrence of `terminator`, nearest first.
    private mutating func matchesLazy(
        _ stepIndex: Int, at start: Int, capture: Int?, terminator: [UInt8]
    ) -> Bool {
        var searchFrom = start + 1
        while let hit = firstOccurrence(of: terminator, from: searchFrom) {
            record(capture, start..<hit)
            if matches(from: stepIndex + 1, at: hit + terminator.count) { return true }
            searchFrom = hit + 1
        }
        return false
    }

    /// Tries the longest run of `run` bytes first, then shorter ones, skipping ends where the next
    /// literal step cannot start.
    private mutating func matchesGreedy(
        _ stepIndex: Int, at start: Int, capture: Int?, run: ByteClass
    ) -> Bool {
        var runEnd = start
        while runEnd < input.count && run.contains(input[runEnd]) { runEnd += 1 }
        let isLastStep = stepIndex + 1 == steps.count
        guard runEnd > start, !isLastStep || runEnd == input.count else { return false }
        var nextLiteralByte: UInt8?
        if !isLastStep, case .literal(let bytes) = steps[stepIndex + 1] { nextLiteralByte = bytes.first }
        for end in stride(from: runEnd, to: start, by: -1) {
            guard spendStep() else { return false }
            if let nextLiteralByte, end == input.count || input[end] != nextLiteralByte { continue }
            record(capture, start..<end)
            if matches(from: stepIndex + 1, at: end) { return true }
        }
        return false
    }

    /// Charges one unit of work; false once the budget is spent.
    private mutating func spendStep() -> Bool {
        guard stepsLeft > 0 else { return false }
        stepsLeft -= 1
        return true
    }

    private mutating func record(_ capture: Int?, _ range: Range<Int>) {
        if let capture { captures[capture] = range }
    }

    private func hasLiteral(_ literal: [UInt8], at position: Int) -> Bool {
        guard literal.count <= input.count - position else { return false }
        for (offset, byte) in literal.enumerated() where input[position + offset] != byte { return false }
        return true
    }

    /// The offset of the first occurrence of `literal` starting at or after `start`, found by
    /// `memchr` on its first byte.
    private mutating func firstOccurrence(of literal: [UInt8], from start: Int) -> Int? {
        guard let base = input.baseAddress, let firstByte = literal.first else { return nil }
        let lastStart = input.count - literal.count
        var from = start
        while from <= lastStart, spendStep() {
            guard let found = memchr(base + from, Int32(firstByte), lastStart - from + 1) else { return nil }
            let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if hasLiteral(literal, at: offset) { return offset }
            from = offset + 1
        }
        return nil
    }
}
