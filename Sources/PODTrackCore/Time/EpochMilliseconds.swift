import Foundation

/// The ledger's instants are epoch milliseconds (`Int64`); Foundation's are `Date`s.
extension Date {
    /// The instant `milliseconds` after 1970-01-01T00:00Z.
    public init(epochMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Milliseconds since 1970-01-01T00:00Z, rounded to the nearest.
    public var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
