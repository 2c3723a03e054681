/// The text encodings a pipeline definition may name.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    /// UTF-8; a leading byte-order mark is skipped.
    case utf8 = "utf-8"
    /// UTF-16 whose byte order is taken from its byte-order mark, which is therefore required.
    case utf16 = "utf-16"
    /// UTF-16 little-endian; a leading byte-order mark, if present, is skipped.
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian; a leading byte-order mark, if present, is skipped.
    case utf16BE = "utf-16be"
    /// Windows code page 1252; bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and rejected.
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1): every byte is the code point of the same value.
    case iso88591 = "iso-8859-1"
}
