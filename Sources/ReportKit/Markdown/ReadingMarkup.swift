import Foundation

/// Small marks cmark-gfm's HTML needs for reading and printing, added after rendering:
///
/// - adjacent footnote markers get a comma between them (`¹,²`), so that two references do not
///   read as one number (`¹²`);
/// - a link whose text is its own address (an autolink, `<https://…>`) gets `class="url"`, so
///   that print style sheets do not print the address a second time after it; smart punctuation
///   having turned `--` in such a text into a dash, the text is the address again.
///
/// Both scans work on UTF-8 bytes in one pass (a page may hold tens of thousands of links).
enum ReadingMarkup {
    static let adjacentMarkers = "</sup><sup class=\"footnote-ref\">"
    static let separatedMarkers = "</sup><sup class=\"footnote-sep\" aria-hidden=\"true\">,</sup><sup class=\"footnote-ref\">"

    static func apply(_ html: String) -> String {
        var html = html
        if html.utf8.contains(bytes: adjacentMarkerBytes) { html = html.replacingEvery(adjacentMarkerBytes, with: Array(separatedMarkers.utf8)) }
        if html.utf8.contains(bytes: linkOpen) { html = markAddressLinks(html) }
        return html
    }

    static let adjacentMarkerBytes = Array(adjacentMarkers.utf8)

    static let linkOpen = Array("<a href=\"".utf8)
    static let linkClose = Array("</a>".utf8)

    /// `<a href="U">T</a>` becomes `<a href="U" class="url">T</a>` when T (no markup in it) is U,
    /// or U without its `http://`, `https://` or `mailto:`, as cmark-gfm writes autolinks.
    static func markAddressLinks(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var position = 0
        var marked = false
        while let open = bytes.firstRange(of: linkOpen, from: position) {
            out += bytes[position..<open.upperBound]
            position = open.upperBound
            // The address, then `">`, the text without tags, and `</a>`.
            guard let quote = bytes[position...].firstIndex(of: UInt8(ascii: "\"")), quote + 1 < bytes.count,
                  bytes[quote + 1] == UInt8(ascii: ">"), let close = bytes.firstRange(of: linkClose, from: quote + 2),
                  !bytes[(quote + 2)..<close.lowerBound].contains(UInt8(ascii: "<")) else { continue }
            let url = String(decoding: bytes[position..<quote], as: UTF8.self)
            let text = String(decoding: bytes[(quote + 2)..<close.lowerBound], as: UTF8.self)
            guard let (address, shown) = addressLink(url: url, text: text) else { continue }
            out += Array((address + "\" class=\"url\">" + shown + "</a>").utf8)
            position = close.upperBound
            marked = true
        }
        // Most pages have no such link: their HTML is kept, not copied.
        guard marked else { return html }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The address and text of a link that shows its own address, or nil for other links.
    static func addressLink(url: String, text: String) -> (address: String, text: String)? {
        let plain = unsmartened(text)
        if plain != text {
            // A bare address the autolink extension found after smart punctuation: both parts changed.
            let decoded = url.removingPercentEncoding ?? url
            if let scheme = ["", "http://", "mailto:"].first(where: { decoded == $0 + text }) { return (scheme + plain, plain) }
        }
        if plain == url || ["http://", "https://", "mailto:"].contains(where: { url == $0 + plain }) { return (url, plain) }
        return nil
    }

    /// `text` with the characters of smart punctuation written back as ASCII (`–` → `--`).
    static func unsmartened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2013 && $0.value <= 0x2026 }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "\u{2013}": out += "--"
            case "\u{2014}": out += "---"
            case "\u{2026}": out += "..."
            case "\u{2018}", "\u{2019}": out += "'"
            case "\u{201C}", "\u{201D}": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
