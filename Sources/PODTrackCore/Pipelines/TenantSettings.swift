import Foundation

/// A tenant's operating limits, from the optional `Pipelines/<tenant>/tenant.json`.
public struct TenantSettings: Sendable, Equatable {
    /// How long a line or shipment may stay in a progress state before `status` calls its order
    /// stuck (`released` not printed after 24 h, `shipped` without a carrier scan after 48 h, …).
    public var stuckAfterHours: [LifecycleState: Double]
    /// How long carrier events may wait for the ERP to link their tracking number.
    public var orphanAfterHours: Double

    public static let defaults = TenantSettings(
        stuckAfterHours: [.released: 24, .queued: 24, .printing: 12, .printed: 48, .shipped: 48, .inTransit: 168, .outForDelivery: 48],
        orphanAfterHours: 24)

    /// Reads `tenant.json`; keys it does not set keep their defaults.
    public static func parse(file: String, data: Data) throws(DefinitionProblems) -> TenantSettings {
        let root = try JSONObjectReader.root(file: file, data: data)
        root.rejectUnknownKeys(["description", "stuck_after_hours", "orphan_after_hours"])
        var settings = defaults
        if let limits = root.object("stuck_after_hours", required: false) {
            for key in limits.object.keys.sorted() {
                guard let state = LifecycleState(rawValue: key), case .progress = state.role, state != .delivered else {
                    limits.problem(key, "not a progress state an order can be stuck in (released … out_for_delivery)")
                    continue
                }
                guard let hours = limits.number(key), hours > 0 else {
                    limits.problem(key, "expected a positive number of hours")
                    continue
                }
                settings.stuckAfterHours[state] = hours
            }
        }
        if let hours = root.number("orphan_after_hours") {
            if hours <= 0 { root.problem("orphan_after_hours", "must be positive") }
            settings.orphanAfterHours = hours
        }
        if !root.collected.isEmpty { throw DefinitionProblems(root.collected) }
        return settings
    }
}
