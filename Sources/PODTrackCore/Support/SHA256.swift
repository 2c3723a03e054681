import CSHA256

/// SHA-256 as specified in FIPS 180-4, fed incrementally. Whole 64-byte blocks are compressed
/// straight from the caller's buffer; no allocation happens per block. On CPUs with the x86 SHA
/// extensions the blocks go through them (`CSHA256`, about 20 times fewer instructions: every
/// drop is fingerprinted whole), elsewhere through the portable code below.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(chunk1)
/// hasher.update(chunk2)
/// let digest = hasher.finalize()      // 32 bytes; SHA256.hex(digest) for the usual hex form
/// ```
public struct SHA256: Sendable {
    private static let blockSize = 64

    /// FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]

    /// True when this CPU has the SHA extensions.
    static let extensionsAvailable = csha256_has_extensions() == 1

    private var state = SHA256.initialState
    /// Bytes of an incomplete block, fewer than 64.
    private var pendingBlock: [UInt8] = []
    private var messageByteCount: UInt64 = 0
    /// Whether blocks go through the SHA extensions (tests run both ways).
    private let usesExtensions: Bool

    /// A hasher for a new message.
    public init() {
        self.init(usingExtensions: Self.extensionsAvailable)
    }

    /// A hasher that uses the SHA extensions or not (`usingExtensions` needs `extensionsAvailable`).
    init(usingExtensions: Bool) {
        usesExtensions = usingExtensions && Self.extensionsAvailable
        pendingBlock.reserveCapacity(Self.blockSize)
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        messageByteCount &+= UInt64(bytes.count)
        var offset = 0
        if !pendingBlock.isEmpty {
            offset = min(Self.blockSize - pendingBlock.count, bytes.count)
            pendingBlock.append(contentsOf: bytes[..<offset])
            guard pendingBlock.count == Self.blockSize else { return }
            pendingBlock.withUnsafeBytes { block in
                if let blockBase = block.baseAddress { compress(blockBase, blocks: 1) }
            }
            pendingBlock.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / Self.blockSize
        compress(base + offset, blocks: blocks)
        offset += blocks * Self.blockSize
        pendingBlock.append(contentsOf: bytes[offset...])
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Pads the message, returns its 32-byte digest and resets the hasher for a new message.
    public mutating func finalize() -> [UInt8] {
        let bitCount = messageByteCount &* 8
        let zeroCount = (55 - Int(messageByteCount % UInt64(Self.blockSize)) + Self.blockSize) % Self.blockSize
        var padding: [UInt8] = [0x80] + Array(repeating: 0, count: zeroCount)
        padding.append(contentsOf: Self.bigEndianBytes(of: bitCount))
        update(padding)
        let digest = state.flatMap { Self.bigEndianBytes(of: $0) }
        self = SHA256(usingExtensions: usesExtensions)
        return digest
    }

    /// Lower-case hexadecimal rendering of `digest` (64 characters for a SHA-256 digest).
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    private static func bigEndianBytes<Word: FixedWidthInteger>(of value: Word) -> [UInt8] {
        (0..<(Word.bitWidth / 8)).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// Folds `blocks` 64-byte blocks at `data` into the state.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        guard blocks > 0 else { return }
        if usesExtensions {
            state.withUnsafeMutableBufferPointer { words in
                Self.roundConstants.withUnsafeBufferPointer { constants in
                    if let words = words.baseAddress, let constants = constants.baseAddress {
                        csha256_compress(words, data.assumingMemoryBound(to: UInt8.self), blocks, constants)
                    }
                }
            }
        } else {
            for block in 0..<blocks { Self.compress(&state, block: data + block * Self.blockSize) }
        }
    }

    /// FIPS 180-4 §6.2.2: folds the 64-byte block at `block` into `state`.
    private static func compress(_ state: inout [UInt32], block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for t in 0..<16 {
                schedule[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
            }
            for t in 16..<64 {
                let w15 = schedule[t - 15], w2 = schedule[t - 2]
                let sigma0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                let sigma1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                schedule[t] = sigma1 &+ schedule[t - 7] &+ sigma0 &+ schedule[t - 16]
            }
            var (a, b, c, d) = (state[0], state[1], state[2], state[3])
            var (e, f, g, h) = (state[4], state[5], state[6], state[7])
            roundConstants.withUnsafeBufferPointer { constants in
                for t in 0..<64 {
                    let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let choice = (e & f) ^ (~e & g)
                    let temp1 = h &+ sum1 &+ choice &+ constants[t] &+ schedule[t]
                    let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let temp2 = sum0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
                }
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }
}

private extension UInt32 {
    /// Circular right shift by `count` bits (FIPS 180-4 ROTR).
    func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
