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

    /// Whether an image at `url` is fetched from the network when the page is read: a URL with a
    /// scheme other than `data:` (`https://…`), or a protocol-relative one (`//host/…`). Such an
    /// image breaks the promise that the site reads offline.
    public static func loadsFromNetwork(_ url: String) -> Bool {
        let trimmed = url.trimmingSpaces
        // Browsers read `\` as `/` in web and file URLs.
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/") { return true }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let scheme = trimmed[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCII, first.properties.isAlphabetic,
              scheme.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return false }
        return String(scheme).lowercased() != "data"
    }
}
