import Foundation

extension StorefrontDefinition {
    /// Reads a storefront definition file (`Pipelines/<tenant>/storefronts/<name>.json`),
    /// reporting every problem with its key.
    public static func parse(tenant: String, name: String, file: String, data: Data) throws(DefinitionProblems) -> StorefrontDefinition {
        let root = try JSONObjectReader.root(file: file, data: data)
        root.rejectUnknownKeys(["description", "channel", "format", "order_status", "shipment_status", "carriers", "other_carrier",
                                "file_mode", "neutralize_formulas", "pickup_limit_hours"])
        if !DefinitionName.isValid(name) {
            root.problem("", "storefront name '\(name)' (the file name) must use only a-z, 0-9 and -")
        }
        let channel = root.string("channel")
        let format = root.string("format").flatMap { word -> StorefrontFormatName? in
            guard let format = StorefrontFormatName(rawValue: word) else {
                root.problem("format", "'\(word)' is not an export format (\(StorefrontFormatName.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return format
        }
        let orderStatus = root.object("order_status", required: format == .shopify || format == .woocommerce)
            .map(parseOrderStatus) ?? [:]
        let shipmentStatus = root.object("shipment_status", required: format == .shopify)
            .map(parseShipmentStatus) ?? [:]
        let carriers = root.object("carriers")?.objectMap().reduce(into: [String: StorefrontCarrier]()) { table, entry in
            if let carrier = parseCarrier(entry.value) { table[entry.key] = carrier }
        } ?? [:]
        let otherCarrier = root.object("other_carrier", required: false).flatMap(parseCarrier)
        let fileMode = root.string("file_mode", required: false).flatMap { text -> Int? in
            guard let mode = Int(text, radix: 8), mode >= 0o400, mode <= 0o777 else {
                root.problem("file_mode", "'\(text)' is not an octal file mode such as \"0640\" (the owner must be able to read)")
                return nil
            }
            return mode
        }
        let pickupLimit = root.number("pickup_limit_hours")
        if let pickupLimit, pickupLimit <= 0 { root.problem("pickup_limit_hours", "must be positive") }
        let problems = root.collected
        guard problems.isEmpty, let channel, let format else { throw DefinitionProblems(problems) }
        var definition = StorefrontDefinition(
            tenant: tenant, name: name, description: root.string("description", required: false) ?? "",
            channel: channel, format: format, orderStatus: orderStatus, shipmentStatus: shipmentStatus,
            carriers: carriers, otherCarrier: otherCarrier)
        definition.fileMode = fileMode ?? definition.fileMode
        definition.neutralizeFormulas = root.bool("neutralize_formulas") ?? definition.neutralizeFormulas
        definition.pickupLimitHours = pickupLimit ?? definition.pickupLimitHours
        return definition
    }

    private static func parseOrderStatus(_ reader: JSONObjectReader) -> [OrderRollup: String] {
        parseVocabulary(reader, required: OrderRollup.allCases, what: "an order state",
                        missing: "every order state needs a word in this storefront's vocabulary")
    }

    private static func parseShipmentStatus(_ reader: JSONObjectReader) -> [LifecycleState: String] {
        let carrierStates: [LifecycleState] = [.shipped, .pickedUp, .inTransit, .outForDelivery, .availableForPickup,
                                               .delivered, .delayed, .attemptedDelivery, .exception, .returning, .returned]
        return parseVocabulary(reader, required: carrierStates, what: "a canonical state", missing: "a shipment can be in this state")
    }

    /// A table from canonical words (`Key`'s raw values) to the storefront's words; every key in `required` must be there.
    private static func parseVocabulary<Key: RawRepresentable & CaseIterable & Hashable>(
        _ reader: JSONObjectReader, required: [Key], what: String, missing: String
    ) -> [Key: String] where Key.RawValue == String {
        var table: [Key: String] = [:]
        for (key, word) in reader.stringMap() {
            guard let canonical = Key(rawValue: key) else {
                reader.problem(key, "not \(what) (\(Key.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            table[canonical] = word
        }
        for key in required where table[key] == nil {
            reader.problem(key.rawValue, "missing: \(missing)")
        }
        return table
    }

    private static func parseCarrier(_ reader: JSONObjectReader) -> StorefrontCarrier? {
        reader.rejectUnknownKeys(["name", "code", "tracking_url", "ship_method"])
        guard let name = reader.string("name") else { return nil }
        let url = reader.string("tracking_url", required: false)
        if let url, !url.contains("{tracking}") {
            reader.problem("tracking_url", "must contain {tracking} where the tracking number goes")
        }
        return StorefrontCarrier(name: name, code: reader.string("code", required: false), trackingURL: url,
                                 shipMethod: reader.string("ship_method", required: false))
    }
}
