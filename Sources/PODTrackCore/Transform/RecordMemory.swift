/// The records a source's previous drop held, by digest: a snapshot export repeats most rows of
/// the last one byte for byte, and a row that arrives again unchanged maps to the same event,
/// which the ledger already holds. `DropReader` skips such rows unread and counts them as
/// `DropCounts.unchanged`; every record that became an event is remembered for the next drop,
/// up to `capacity` of them (rows past it are read in full the next time).
///
/// A digest covers the record's bytes, the CSV header above it and the bytes of the source
/// definition (`SourceDefinition.revision`): a changed definition or header reads every row again.
public struct RecordMemory: Sendable, Equatable {
    /// How many records a drop leaves in memory at most: 8 MiB of digests.
    public static let capacity = 1 << 19

    /// Sorted, for binary search.
    public private(set) var digests: [RecordDigest]

    /// A memory of `digests`, in any order.
    public init(_ digests: consuming [RecordDigest] = []) {
        digests.sort()
        self.digests = digests
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
