import PODTrackCore

/// Stable 64-bit keys for events (FNV-1a over the parts' bytes with separators, then a
/// MurmurHash3 finalizer); the same parts give the same key in every process.
///
/// A key is an event's identity beside its time: tenant, source kind, subject, state and
/// discriminator. Its `tag` is kept with the event in its subject's history (`EventHistory`), and
/// an event is a duplicate when its subject holds one that happened in the same millisecond with
/// the same state and tag. Two different events of one subject merge only if all that holds and
/// their tags collide: about 1 in 4·10^9 per such pair.
///
/// A key is built by extending a prefix, so the parts that are the same for a whole drop (tenant,
/// source kind) are hashed once per drop, not once per event.
struct DedupeKey {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The empty prefix.
    init() {}

    /// This prefix followed by `part`.
    func adding(_ part: String) -> DedupeKey {
        var next = self
        next.mix(part.utf8)
        next.mix(Self.separator)
        return next
    }

    /// This prefix followed by `subject.key` (`A-1/2` for a line), hashed from the subject's parts
    /// without building that string: the same key, for a string interpolation less per event.
    func adding(_ subject: EventSubject) -> DedupeKey {
        switch subject {
        case .shipment(let tracking):
            return adding(tracking)
        case .line(let order, let line):
            var next = self
            next.mix(order.utf8)
            next.mix(UInt8(ascii: "/"))
            next.mixDecimal(line)
            next.mix(Self.separator)
            return next
        }
    }

    private static let separator: UInt8 = 0x1F

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes the bytes in place where the string keeps them contiguous, as native strings do
    /// (the view's own iterator checks the string's form at every byte).
    private mutating func mix(_ bytes: String.UTF8View) {
        let mixed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer { mix(byte) }
        }
        if mixed == nil {
            for byte in bytes { mix(byte) }
        }
    }

    /// Mixes `number`'s decimal digits, as `String(number)` spells them, without making the
    /// string (a line number; a negative one is left to `String`, for its sign).
    private mutating func mixDecimal(_ number: Int) {
        guard number >= 0 else {
            mix(String(number).utf8)
            return
        }
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        repeat {
            mix(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// The finished key's low 32 bits, as histories keep them (schema 5 kept whole keys in
    /// `events.dedupe`; migration 6 took the tags from there).
    var tag: UInt32 { UInt32(truncatingIfNeeded: value) }

    /// The finished key.
    var value: Int64 {
        var hash = state
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return Int64(bitPattern: hash)
    }
}
