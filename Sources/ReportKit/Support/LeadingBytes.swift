/// The first eight bytes of `bytes` as one integer, the first byte most significant (zeros after
/// a shorter sequence): integers compare as the bytes do, so a sort by many short byte strings
/// (template keys, a term shard's terms) compares whole strings only where these tie.
func leadingBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 56
    for byte in bytes.prefix(8) {
        value |= UInt64(byte) << shift
        shift &-= 8
    }
    return value
}
