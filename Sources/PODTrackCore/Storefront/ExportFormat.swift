/// One row of a storefront export, with the key that identifies it across exports.
public struct ExportRow: Sendable, Equatable {
    /// Stable identity of the row (order, shipment, line): what "told before" is remembered by.
    public var key: String
    public var cells: [String]
    /// Indices of cells that change with every export (timestamps) and so do not count as a change.
    public var volatileCells: Set<Int>
    /// The storefront assumes this row by default (a new order is `unfulfilled` on Shopify): send it
    /// only to correct something told before (an order back from `on_hold`).
    public var isStorefrontDefault: Bool

    public init(key: String, cells: [String], volatileCells: Set<Int> = [], isStorefrontDefault: Bool = false) {
        self.key = key
        self.cells = cells
        self.volatileCells = volatileCells
        self.isStorefrontDefault = isStorefrontDefault
    }

    /// What the ledger remembers of a row told: the digest of what the storefront sees of it, its
    /// cells but the volatile ones joined by U+001F (`digest(ofVisibleText:)`). Equal digests
    /// mean nothing to tell. The joined bytes are gathered into one buffer and digested, with no
    /// filtered, mapped and joined copies of the cells on the way (those took 7 900 instructions a
    /// row, as many as formatting the row).
    public var digest: RecordDigest {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.reduce(cells.count) { $0 + $1.utf8.count })
        for (index, cell) in cells.enumerated() where !volatileCells.contains(index) {
            bytes.append(contentsOf: cell.utf8)
            bytes.append(Self.separator)
        }
        if !bytes.isEmpty { bytes.removeLast() }
        return RecordDigest(of: bytes)
    }

    /// The digest of a row's visible text, its visible cells joined by U+001F (schema 7 kept
    /// the text itself).
    public static func digest(ofVisibleText text: String) -> RecordDigest { RecordDigest(of: text.utf8) }

    /// What joins a row's visible cells.
    private static let separator: UInt8 = 0x1F
}

/// A storefront's import format: its file name, header and rows for an order.
public protocol ExportFormat: Sendable {
    /// The file name prefix (`shopify`): files are `<prefix>-<seq>.<fileExtension>`.
    var filePrefix: String { get }
    var fileExtension: String { get }
    var delimiter: Character { get }
    var header: [String] { get }
    /// True when a row is sent once, ever (Amazon treats a repeat as a new confirmation).
    var sendsEachRowOnce: Bool { get }
    /// Every row the storefront should currently know about `order`.
    func rows(for order: OrderView, storefront: StorefrontDefinition) -> [ExportRow]
}

extension StorefrontFormatName {
    /// The format that writes this storefront kind's files.
    public var format: any ExportFormat {
        switch self {
        case .shopify: ShopifyFormat()
        case .amazon: AmazonFormat()
        case .woocommerce: WooCommerceFormat()
        }
    }
}

extension StorefrontDefinition {
    /// The storefront's carrier for a canonical carrier id: its table entry, else `other_carrier`
    /// with the id as the name, else the id itself.
    public func carrier(_ id: String?) -> StorefrontCarrier {
        guard let id, !id.isEmpty else { return otherCarrier ?? StorefrontCarrier(name: "") }
        if let carrier = carriers[id] { return carrier }
        if var other = otherCarrier {
            other.name = id.uppercased()
            return other
        }
        return StorefrontCarrier(name: id.uppercased())
    }
}
