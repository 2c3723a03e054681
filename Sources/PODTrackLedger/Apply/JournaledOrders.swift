/// The orders each tenant journaled since the last export, across the drops of a pass. An order
/// journaled and not yet exported needs no second entry: the export reads the order as it is when
/// it runs. Only drops that applied add to it, and a batch that rolls back puts it back as it was
/// (`Ledger.batch`). Bounded: past `capacity` orders it forgets them all, which costs a journal
/// row per order later, never an order left out.
struct JournaledOrders {
    let capacity: Int
    private var byTenant: [String: Set<String>] = [:]

    init(capacity: Int = 250_000) {
        self.capacity = capacity
    }

    /// The tenant's orders journaled since the last export.
    func orders(of tenant: String) -> Set<String> {
        byTenant[tenant] ?? []
    }

    /// Adds the orders a committed drop of `tenant` journaled.
    mutating func add(_ orders: Set<String>, tenant: String) {
        byTenant[tenant, default: []].formUnion(orders)
        if byTenant.values.reduce(0, { $0 + $1.count }) > capacity { removeAll() }
    }

    /// Forgets every order: an export has read the journal.
    mutating func removeAll() {
        byTenant = [:]
    }
}
