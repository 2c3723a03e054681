/// The orders each tenant journaled since the last export, across the drops of a pass. An order
/// journaled and not yet exported needs no second entry: the export reads the order as it is when
/// it runs. Only drops that applied add to it, and the orders of a batch stay apart until the
/// batch commits, so a batch that rolls back takes only its own orders away, and no copy of the
/// rest is kept to put back. Bounded: past `capacity` orders it forgets them all, which costs a
/// journal row per order later, never an order left out; a drop's own orders are bounded so too
/// (`DropJournal`). The capacity is the entity store's, so
/// a pass over a week's backlog holds no more than one over a day's (at 250 000 the 200k-order
/// world peaked 4 MB higher, and took no less time).
struct JournaledOrders {
    let capacity: Int
    private var committed: [String: Set<String>] = [:]
    /// The orders of the open batch's committed drops.
    private var batch: [String: Set<String>] = [:]

    init(capacity: Int = EntityStore.defaultCapacity) {
        self.capacity = capacity
    }

    /// What one drop journals: the orders it finds journaled before it (by committed batches, and
    /// by earlier drops of its own batch), and its own, up to the capacity. Past that its own set
    /// starts over, so a drop of any size holds no more; an order it then meets again gets a
    /// second journal row, never none.
    struct DropJournal {
        fileprivate let committed: Set<String>
        fileprivate let batch: Set<String>
        fileprivate let capacity: Int
        /// The orders the drop journaled (the latest `capacity` of them at most).
        private(set) var orders: Set<String> = []

        /// True when `order` is journaled since the last export, as far as this remembers.
        func contains(_ order: String) -> Bool {
            committed.contains(order) || batch.contains(order) || orders.contains(order)
        }

        /// Remembers `order` as journaled by the drop; true when it needs a journal row (it was not yet).
        mutating func add(_ order: String) -> Bool {
            guard !contains(order) else { return false }
            if orders.count == capacity { orders.removeAll(keepingCapacity: true) }
            orders.insert(order)
            return true
        }
    }

    /// The journal of a drop of `tenant`, starting from what is journaled since the last export.
    func journal(forDropOf tenant: String) -> DropJournal {
        DropJournal(committed: committed[tenant] ?? [], batch: batch[tenant] ?? [], capacity: capacity)
    }

    /// Adds the orders a drop of `tenant` journaled, once its savepoint is released.
    mutating func add(_ orders: Set<String>, tenant: String) {
        Self.merge(orders, into: &batch, tenant: tenant)
        let count = committed.values.reduce(0) { $0 + $1.count } + batch.values.reduce(0) { $0 + $1.count }
        if count > capacity { removeAll() }
    }

    /// The batch committed: its orders are journaled for good.
    mutating func commitBatch() {
        for (tenant, orders) in batch { Self.merge(orders, into: &committed, tenant: tenant) }
        batch = [:]
    }

    /// The batch rolled back: its journal rows are gone, so are its orders.
    mutating func forgetBatch() {
        batch = [:]
    }

    /// Forgets every order: an export has read the journal.
    mutating func removeAll() {
        committed = [:]
        batch = [:]
    }

    /// Adds `orders` to the tenant's set in `sets`, in place (a tenant's first set is taken as it is).
    private static func merge(_ orders: Set<String>, into sets: inout [String: Set<String>], tenant: String) {
        if sets[tenant] == nil {
            sets[tenant] = orders
        } else {
            sets[tenant, default: []].formUnion(orders)
        }
    }
}
