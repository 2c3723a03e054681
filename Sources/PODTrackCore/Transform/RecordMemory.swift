/// The records a source's previous drop held, by digest: a snapshot export repeats most rows of
/// the last one byte for byte, and a row that arrives again unchanged maps to the same event,
/// which the ledger already holds. `DropReader` skips such rows unread and counts them as
/// `DropCounts.unchanged`; every record that became an event is remembered for the next drop.
///
/// A digest covers the record's bytes, the CSV header above it and the bytes of the source
/// definition (`SourceDefinition.revision`): a changed definition or header reads every row again.
public struct RecordMemory: Sendable, Equatable {
    /// Sorted, for binary search.
    public private(set) var digests: [RecordDigest]

    /// A memory of `digests`, in any order.
    public init(_ digests: [RecordDigest] = []) {
        self.digests = digests.sorted()
    }

    public var isEmpty: Bool { digests.isEmpty }

    /// True when a record with this digest was remembered.
    public func contains(_ digest: RecordDigest) -> Bool {
        var low = 0
        var high = digests.count
        while low < high {
            let middle = (low + high) / 2
            if digests[middle] < digest { low = middle + 1 } else { high = middle }
        }
        return low < digests.count && digests[low] == digest
    }
}
