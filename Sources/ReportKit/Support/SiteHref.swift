/// The one way the generator writes a link to a file of the site: navigation, pager, section
/// lists, rewritten Markdown links and images, cross-references, CSV downloads, the whole report
/// and the search index all go through `SiteHref.to`.
///
/// A content file may be named anything (`javascript:alert(1).md`, `a#b.png`, `50%.md`, `"<x>"`),
/// and its link must still name that file, never run a script or leave the site. So the link is a
/// relative path made safe by construction:
///
/// - every byte of the path but ASCII letters, digits, `-._~!$&'()*+,;=@` and `/` is
///   percent-encoded (RFC 3986's path characters without `:`): no `:` can make a scheme
///   (`javascript:`), no `#` or `?` cuts the path, no quote, `<`, space or `\` gets through, and
///   non-ASCII names become their UTF-8 bytes, which browsers read back;
/// - a path starting with `/` gets `./` in front, so it is never absolute or protocol-relative.
///
/// Ordinary names (`modes/index.html`, `data/loans.csv`) come out unchanged.
public enum SiteHref {
    /// The link to the site file at `path` (site-root-relative, as on disk: `a b/index.html`)
    /// from a page whose root prefix is `root` (`../../`), followed by `suffix` (a fragment
    /// `#id` or query `?q`, kept as written but for characters a URL may not hold).
    public static func to(_ path: String, from root: String = "", suffix: String = "") -> String {
        var href = encodePath(root + path)
        if href.utf8.first == UInt8(ascii: "/") { href = "./" + href }
        return href + encodeSuffix(suffix)
    }

    /// `path` with every byte outside the kept set (see above) percent-encoded.
    public static func encodePath(_ path: String) -> String {
        guard !path.utf8.allSatisfy(isKeptInPath) else { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 16)
        for byte in path.utf8 {
            if isKeptInPath(byte) { bytes.append(byte) } else { appendEscaped(byte, to: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A fragment or query as written (non-ASCII ids stay readable), with the characters a URL
    /// may not hold percent-encoded, as browsers do (WHATWG's fragment set): controls, space,
    /// `"`, `<`, `>`, `` ` ``. Without a leading `#` or `?`, it is taken as a fragment.
    static func encodeSuffix(_ suffix: String) -> String {
        guard let first = suffix.utf8.first else { return "" }
        var bytes: [UInt8] = first == UInt8(ascii: "#") || first == UInt8(ascii: "?") ? [] : [UInt8(ascii: "#")]
        for byte in suffix.utf8 {
            let escaped = byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "`")
            if escaped { appendEscaped(byte, to: &bytes) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a path byte is written as it is: RFC 3986 `pchar` without `:` and `%`.
    static func isKeptInPath(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}
