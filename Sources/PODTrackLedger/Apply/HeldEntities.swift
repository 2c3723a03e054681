/// One kind of entity (orders, lines or shipments) that `EntityStore` holds, changed in place,
/// with an undo log of the drop in progress: the first time a drop changes an entity, its value
/// before the change is kept, so a drop that fails puts back only what it touched. Nothing is
/// copied for the entities a drop leaves alone.
///
/// Inside a drop only the entities it added are ever written back (`WriteBackScope.addedByDrop`):
/// undoing the drop then needs nothing of them, since the ledger's rollback takes back their
/// rows and the store no longer holds them, while everything held when the drop began stays,
/// with its log. (A drop that wrote back everything had to keep a copy of it all to undo.)
struct HeldEntities<Key: Hashable & Comparable, Entity> {
    /// An entity, whether the ledger has its row, and the last drop that changed it. A class, so
    /// that the table's slots stay small and an entity is changed where it is.
    final class Held {
        var entity: Entity
        let isStored: Bool
        fileprivate var drop: UInt64
        /// When it was last added or changed (`TouchClock`).
        fileprivate var touched: UInt64

        fileprivate init(_ entity: Entity, isStored: Bool, drop: UInt64, touched: UInt64) {
            self.entity = entity
            self.isStored = isStored
            self.drop = drop
            self.touched = touched
        }
    }

    /// An entity as it was before the drop in progress changed it.
    private typealias Before = (key: Key, entity: Entity, isStored: Bool)

    private var entries: [Key: Held] = [:]
    /// The store's clock, shared by its kinds of entity, so their recency compares.
    private let clock: TouchClock
    /// The number of the drop in progress (0: none); a held entity stamped with it is logged already.
    private var drop: UInt64 = 0
    private var dropCount: UInt64 = 0
    /// What the drop did: the entities it added (read from the ledger or new) and still holds,
    /// and each one held when it began that it changed, as it was before. An entity is in one of
    /// them at most once (its stamp), so they can be undone in any order; added keys are kept
    /// apart because most are.
    private var added: [Key] = []
    private var changed: [Before] = []

    var count: Int { entries.count }

    init(clock: TouchClock) {
        self.clock = clock
    }

    /// Appends when each entity was last touched.
    func appendTouchTimes(to times: inout [UInt64]) {
        for held in entries.values { times.append(held.touched) }
    }

    /// A drop starts: what it changes from now on can be undone.
    mutating func beginDrop() {
        dropCount += 1
        drop = dropCount
    }

    /// The drop committed: its changes stay.
    mutating func endDrop() {
        drop = 0
        forgetUndo()
    }

    /// The drop failed and the ledger rolled it back: everything is as the drop found it.
    mutating func undoDrop() {
        for key in added { entries[key] = nil }
        for (key, entity, isStored) in changed { entries[key] = Held(entity, isStored: isStored, drop: 0, touched: 0) }
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
            if isInDrop { changed.append((key, held.entity, held.isStored)) }
            held.drop = drop
        }
        held.touched = clock.tick()
        return try body(&held.entity)
    }

    /// Holds `entity`, which the ledger has a row of or not (`isStored`), under `key`, which
    /// holds nothing yet.
    @discardableResult
    mutating func add(_ key: Key, _ entity: Entity, isStored: Bool) -> Held {
        let held = Held(entity, isStored: isStored, drop: drop, touched: clock.tick())
        entries[key] = held
        if isInDrop { added.append(key) }
        return held
    }

    /// The entities of `scope`, in key order, let go of for the caller to write back, with the
    /// table that held them when it goes too (between drops: the entities kept move to a table
    /// of their own).
    mutating func take(_ scope: WriteBackScope) -> (inKeyOrder: [(key: Key, value: Held)], table: [Key: Held]?) {
        switch scope {
        case .touchedBefore(let time):
            precondition(!isInDrop, "a drop in progress writes back only the entities it added")
            let table = entries
            entries = [:]
            var taken: [(key: Key, value: Held)] = []
            taken.reserveCapacity(table.count)
            for entry in table {
                if entry.value.touched < time { taken.append(entry) } else { entries[entry.key] = entry.value }
            }
            taken.sort { $0.key < $1.key }
            return (taken, table)
        case .addedByDrop:
            var taken: [(key: Key, value: Held)] = []
            taken.reserveCapacity(added.count)
            for key in added {
                if let held = entries.removeValue(forKey: key) { taken.append((key, held)) }
            }
            added.removeAll(keepingCapacity: true)
            taken.sort { $0.key < $1.key }
            return (taken, nil)
        }
    }

    /// Forgets everything, the drop in progress and its undo included: the batch was rolled back.
    mutating func discard() {
        entries = [:]
        endDrop()
    }

    /// True while a drop is in progress: what it changes is logged.
    private var isInDrop: Bool { drop != 0 }

    private mutating func forgetUndo() {
        added.removeAll(keepingCapacity: true)
        changed.removeAll(keepingCapacity: true)
    }
}

/// Which entities a write-back takes from the store (`HeldEntities.take`).
enum WriteBackScope {
    /// The entities last touched before a time of the store's `TouchClock` (`.max`: every one):
    /// between drops only.
    case touchedBefore(UInt64)
    /// The entities the drop in progress added (read from the ledger or new), for its savepoint:
    /// those held when it began stay, changed or not.
    case addedByDrop
}

/// Counts the changes of a store's entities, whatever their kind, so the least recently changed
/// can be written back first.
final class TouchClock {
    private var now: UInt64 = 0

    /// The next time, later than every one before.
    func tick() -> UInt64 {
        now += 1
        return now
    }
}
