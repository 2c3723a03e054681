import Foundation
import Testing
@testable import PODTrackCore

@Suite struct SHA256Tests {
    /// NIST FIPS 180-2 / SHAVS example vectors and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
        for usingExtensions in [false, true] {
            var hasher = SHA256(usingExtensions: usingExtensions)
            hasher.update(Array(message.utf8))
            #expect(SHA256.hex(hasher.finalize()) == digest, "using the SHA extensions: \(usingExtensions && SHA256.extensionsAvailable)")
        }
    }

    /// The SHA extensions and the portable code agree, message by
    /// message, whatever the message's length and however it is fed.
    @Test(.enabled(if: SHA256.extensionsAvailable, "this CPU has no SHA extensions: only the portable code runs"))
    func bothWaysOfCompressingAgree() {
        var generator = SeededGenerator(seed: 180)
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 65_537] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var portable = SHA256(usingExtensions: false)
            var extended = SHA256(usingExtensions: true)
            portable.update(message)
            for start in stride(from: 0, to: message.count, by: 100) {
                extended.update(Array(message[start..<min(start + 100, message.count)]))
            }
            #expect(portable.finalize() == extended.finalize(), "\(length) bytes")
        }
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyChunkSizeGivesTheSameDigest() {
        var generator = SeededGenerator(seed: 256)
        let message = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let expected = SHA256.hash(message)
        for chunkSize in 1...message.count {
            var hasher = SHA256()
            var offset = 0
            while offset < message.count {
                let end = min(offset + chunkSize, message.count)
                hasher.update(Array(message[offset..<end]))
                offset = end
            }
            #expect(hasher.finalize() == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func finalizeResetsForTheNextMessage() {
        var hasher = SHA256()
        hasher.update(Array("garbage".utf8))
        _ = hasher.finalize()
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalize() == SHA256.hash(Array("abc".utf8)))
    }

    @Test(arguments: [1, 55, 56, 63, 64, 65, 1000, 100_003])
    func matchesSha256sum(length: Int) throws {
        var generator = SeededGenerator(seed: UInt64(length))
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("podtrack-sha256-\(UUID()).bin")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed.split(separator: " ").first.map(String.init) == SHA256.hex(SHA256.hash(bytes)))
    }
}
