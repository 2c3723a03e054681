/// One kind of entity (orders, lines or shipments) that `EntityStore` holds, changed in place,
/// with an undo log of the drop in progress: the first time a drop changes an entity, its value
/// before the change is kept, so a drop that fails puts back only what it touched. Nothing is
/// copied for the entities a drop leaves alone.
struct HeldEntities<Key: Hashable & Comparable, Entity> {
    /// An entity, whether the ledger has its row, and the last drop that changed it. A class, so
    /// that the table's slots stay small and an entity is changed where it is.
    final class Held {
        var entity: Entity
        let isStored: Bool
        fileprivate var drop: UInt64

        fileprivate init(_ entity: Entity, isStored: Bool, drop: UInt64) {
            self.entity = entity
            self.isStored = isStored
            self.drop = drop
        }
    }

    /// An entity as it was before the drop in progress changed it.
    private typealias Before = (key: Key, entity: Entity, isStored: Bool)

    private(set) var entries: [Key: Held] = [:]
    /// The number of the drop in progress (0: none); a held entity stamped with it is logged already.
    private var drop: UInt64 = 0
    private var dropCount: UInt64 = 0
    /// What the drop did: the entities it added (read from the ledger or new), and each held one
    /// it changed, as it was before. An entity is in one of them at most once (its stamp), so
    /// they can be undone in any order; added keys are kept apart because most are.
    private var added: [Key] = []
    private var changed: [Before] = []
    /// Everything as the drop found it, once the drop had everything written back (`removeAll`):
    /// the ledger's rollback undoes that write, so the drop's undo needs all of it.
    private var beforeWriteBack: [Key: Held]?

    var count: Int { entries.count }

    /// How many entities are kept only to undo the drop in progress (`beforeWriteBack`).
    var keptForUndo: Int { beforeWriteBack?.count ?? 0 }

    /// A drop starts: what it changes from now on can be undone.
    mutating func beginDrop() {
        dropCount += 1
        drop = dropCount
    }

    /// The drop committed: its changes stay.
    mutating func endDrop() {
        drop = 0
        forgetUndo()
        beforeWriteBack = nil
    }

    /// The drop failed and the ledger rolled it back: everything is as the drop found it.
    mutating func undoDrop() {
        if let beforeWriteBack {
            entries = beforeWriteBack
        } else {
            revert(&entries)
        }
        endDrop()
    }

    /// The entity held under `key`, if any.
    func held(_ key: Key) -> Held? {
        entries[key]
    }

    /// Changes the entity under `key`; one not held yet is `load`ed (`new` when the ledger has none).
    mutating func modify<T>(_ key: Key, new: @autoclosure () -> Entity, load: () throws -> Entity?,
                            _ body: (inout Entity) throws -> T) throws -> T {
        guard let held = entries[key] else {
            let stored = try load()
            var entity = stored ?? new()
            let result = try body(&entity)
            add(key, entity, isStored: stored != nil)
            return result
        }
        return try modify(held, key: key, body)
    }

    /// Changes `held`, the entity this holds under `key` (`held(_:)`, `add`), without looking it up again.
    mutating func modify<T>(_ held: Held, key: Key, _ body: (inout Entity) throws -> T) rethrows -> T {
        assert(entries[key] === held, "an entity changed after the store let it go")
        if held.drop != drop {
            if isLogging { changed.append((key, held.entity, held.isStored)) }
            held.drop = drop
        }
        return try body(&held.entity)
    }

    /// Holds `entity`, which the ledger has a row of or not (`isStored`), under `key`, which
    /// holds nothing yet.
    @discardableResult
    mutating func add(_ key: Key, _ entity: Entity, isStored: Bool) -> Held {
        let held = Held(entity, isStored: isStored, drop: drop)
        entries[key] = held
        if isLogging { added.append(key) }
        return held
    }

    /// Forgets every entity: the caller wrote them back. While a drop is logged, the table is
    /// let go of before it is reverted, so the revert changes it in place instead of copying it
    /// whole (reverted while `entries` still shared it, it was copied), and kept to undo the
    /// drop; otherwise it is returned, for the caller to let go of where it likes.
    mutating func removeAll() -> [Key: Held]? {
        var before = entries
        entries = [:]
        defer { forgetUndo() }
        guard isLogging else { return before }
        revert(&before)
        beforeWriteBack = before
        return nil
    }

    /// Forgets everything, the drop in progress and its undo included: the batch was rolled back.
    mutating func discard() {
        entries = [:]
        endDrop()
    }

    /// True while a drop is in progress and nothing was written back yet: what it changes is logged.
    private var isLogging: Bool { drop != 0 && beforeWriteBack == nil }

    /// Puts back in `entries` what the log says each entity was.
    private func revert(_ entries: inout [Key: Held]) {
        for key in added { entries[key] = nil }
        for (key, entity, isStored) in changed { entries[key] = Held(entity, isStored: isStored, drop: 0) }
    }

    private mutating func forgetUndo() {
        added.removeAll(keepingCapacity: true)
        changed.removeAll(keepingCapacity: true)
    }
}
