/// Which link targets are never written into a page unless raw HTML is allowed.
public enum URLSafety {
    /// `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs (case and whitespace insensitive).
    public static func isDangerous(_ url: String) -> Bool {
        // Every dangerous URL names a scheme, so it holds a colon (cmark-gfm has decoded `&#58;`).
        guard url.utf8.contains(byte: UInt8(ascii: ":")) else { return false }
        let compact = url.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }
        let lower = String(String.UnicodeScalarView(compact)).lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return false
    }
}
