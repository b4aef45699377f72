/// Whether a byte is an ASCII letter or digit: a word's character to the search tokeniser, a
/// citation key's character to `WorkMetadata` (one test on bytes, for text read per page).
@inline(__always)
func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
}
