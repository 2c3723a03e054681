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
    /// Works on the template's contiguous UTF-8 bytes: a split on a `String` separator compares
    /// characters one by one, and a walk of a `Substring.UTF8View` indexes it generically, byte
    /// after byte (16 000 instructions a URL, an eighth of a Shopify export's formatting).
    public func trackingURL(for tracking: String) -> String? {
        guard var template = trackingURL else { return nil }
        return template.withUTF8 { template in
            var url: [UInt8] = []
            url.reserveCapacity(template.count + tracking.utf8.count)
            var rest = template[...]
            while let brace = rest.firstIndex(of: UInt8(ascii: "{")) {
                url.append(contentsOf: rest[..<brace])
                let end = brace + Self.placeholder.count
                if end <= rest.endIndex, rest[brace..<end].elementsEqual(Self.placeholder) {
                    url.append(contentsOf: tracking.utf8)
                    rest = rest[end...]
                } else {
                    url.append(rest[brace])
                    rest = rest[(brace + 1)...]
                }
            }
            url.append(contentsOf: rest)
            return String(decoding: url, as: UTF8.self)
        }
    }

    /// What `trackingURL(for:)` replaces, as UTF-8 bytes.
    private static let placeholder = Array("{tracking}".utf8)
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
