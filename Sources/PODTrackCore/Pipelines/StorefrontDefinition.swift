/// The export formats podtrack writes, one per kind of storefront.
public enum StorefrontFormatName: String, Sendable, Codable, CaseIterable {
    case shopify, amazon, woocommerce
}

/// How a storefront names and links a carrier.
public struct StorefrontCarrier: Sendable, Equatable, Codable {
    /// The carrier's name in the storefront's spelling (`DHL Express`, `FedEx`).
    public var name: String
    /// The storefront's carrier code, where it has codes (Amazon: `UPS`, `Other`).
    public var code: String?
    /// `https://…{tracking}…`: where a customer follows the parcel.
    public var trackingURL: String?
    /// Amazon's ship-method column.
    public var shipMethod: String?

    enum CodingKeys: String, CodingKey {
        case name, code
        case trackingURL = "tracking_url"
        case shipMethod = "ship_method"
    }

    public init(name: String, code: String? = nil, trackingURL: String? = nil, shipMethod: String? = nil) {
        self.name = name
        self.code = code
        self.trackingURL = trackingURL
        self.shipMethod = shipMethod
    }

    /// The tracking URL with `{tracking}` filled in, if the storefront links this carrier.
    /// Works on UTF-8 bytes: a split on a `String` separator compares characters one by one,
    /// which made this a twentieth of a Shopify export.
    public func trackingURL(for tracking: String) -> String? {
        guard let template = trackingURL?.utf8 else { return nil }
        let placeholder = "{tracking}".utf8
        var url: [UInt8] = []
        url.reserveCapacity(template.count + tracking.utf8.count)
        var rest = template[...]
        while let first = rest.first {
            if rest.starts(with: placeholder) {
                url.append(contentsOf: tracking.utf8)
                rest = rest.dropFirst(placeholder.count)
            } else {
                url.append(first)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: url, as: UTF8.self)
    }
}

/// A storefront: which orders are its own, which file format it imports and in which words.
public struct StorefrontDefinition: Sendable {
    public var tenant: String
    public var name: String
    public var description: String
    /// The ERP's channel code of this storefront's orders (`SHOPIFY-EU`).
    public var channel: String
    public var format: StorefrontFormatName
    /// Order roll-up → the storefront's order status word.
    public var orderStatus: [OrderRollup: String]
    /// Shipment state → the storefront's shipment status word.
    public var shipmentStatus: [LifecycleState: String]
    /// Canonical carrier id → the storefront's carrier.
    public var carriers: [String: StorefrontCarrier]
    /// The carrier used for ids the table does not name (Amazon's `Other`).
    public var otherCarrier: StorefrontCarrier?
    /// Permission bits of published files (default 0640).
    public var fileMode: Int = 0o640
    /// CSV cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
    public var neutralizeFormulas = true
    /// A published file not picked up within this many hours is late (status, metrics).
    public var pickupLimitHours: Double = 6
}
