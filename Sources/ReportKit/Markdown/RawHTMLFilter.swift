/// What `options: raw_html: true` lets through of the HTML an author writes in Markdown.
///
/// GitHub's tag filter (`TagFilter`) always applies. Unless `raw_html_scripts: true` also says
/// so, nothing that runs a script gets through either: elements that run or embed scripts
/// (`TagFilter.scriptElements`) are shown as text, and in every other tag event-handler attributes
/// (`onclick=`, `onerror=`, …) and `srcdoc` are removed, and so is a URL attribute (`href`, `src`,
/// `action`, …) unless its value is plainly safe: a relative URL (no `:` nor character
/// reference before the first `/`, `?` or `#`), or `http:`, `https:`, `mailto:`, `tel:` or an image
/// `data:` URL, written literally. That is an allowlist, so `jav&#x61;script:`, `java&Tab;script:`
/// and unknown schemes are removed too.
///
/// Tags are read as browsers read them (attribute values quoted with `"` or `'`, or unquoted; `/`
/// between attributes); a tag not closed within the HTML becomes text, so that it cannot take in
/// the markup after it, and `<`, `>` in kept values become `&lt;`, `&gt;`.
public enum RawHTMLFilter {
    /// The filtered HTML and the `src` of every `img` it holds that is loaded from the network.
    public struct Result: Sendable, Equatable {
        public var html: String
        public var networkImages: [String]
    }

    public static func apply(_ html: String, allowScripts: Bool) -> Result {
        let tagFiltered = TagFilter.apply(html, scriptElements: !allowScripts)
        guard tagFiltered.utf8.contains(byte: UInt8(ascii: "<")) else { return Result(html: tagFiltered, networkImages: []) }
        var reader = Reader(bytes: Array(tagFiltered.utf8), allowScripts: allowScripts)
        reader.run()
        return Result(html: String(decoding: reader.out, as: UTF8.self), networkImages: reader.networkImages)
    }

    /// Attributes whose value is a URL a browser may navigate to, load or submit to.
    static let urlAttributes: Set<String> = [
        "href", "src", "xlink:href", "action", "formaction", "poster", "background", "cite", "longdesc", "ping",
        "lowsrc", "dynsrc", "manifest", "icon", "codebase", "data", "srcdoc",
    ]

    /// Whether a URL attribute's value (as written, entities not decoded) is plainly safe.
    static func isPlainlySafe(_ value: ArraySlice<UInt8>) -> Bool {
        let trimmed = value.drop { $0 <= 0x20 }
        let start = trimmed.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        if !start.contains(UInt8(ascii: ":")) && !start.contains(UInt8(ascii: "&")) { return true }
        let lower = String(decoding: trimmed.prefix(16), as: UTF8.self).lowercased()
        return ["http:", "https:", "mailto:", "tel:", "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            .contains { lower.hasPrefix($0) }
    }

    /// One pass over the HTML bytes, copying them to `out` with unsafe attributes left out.
    struct Reader {
        let bytes: [UInt8]
        let allowScripts: Bool
        var out: [UInt8] = []
        var networkImages: [String] = []
        var index = 0

        init(bytes: [UInt8], allowScripts: Bool) {
            self.bytes = bytes
            self.allowScripts = allowScripts
            out.reserveCapacity(bytes.count)
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }

        mutating func run() {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, Self.isLetter(bytes[index + 1]) {
                    startTag()
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
        }

        /// Copies the start tag at `index` (which holds `<`) with its safe attributes; an
        /// unclosed tag becomes text.
        mutating func startTag() {
            var cursor = index + 1
            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">") {
                cursor += 1
            }
            let tagName = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self).lowercased()
            var tag = Array(bytes[index..<cursor])
            while true {
                let separatorStart = cursor
                while cursor < bytes.count, Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                guard cursor < bytes.count else { break }
                if bytes[cursor] == UInt8(ascii: ">") {
                    tag += bytes[separatorStart...cursor]
                    out += tag
                    index = cursor + 1
                    return
                }
                // The name (its first character may be `=`), then an optional value.
                let nameStart = cursor
                cursor += 1
                while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"),
                      bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "=") {
                    cursor += 1
                }
                let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
                var value: Range<Int>?
                var afterName = cursor
                while afterName < bytes.count, Self.isSpace(bytes[afterName]) { afterName += 1 }
                if afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") {
                    var valueStart = afterName + 1
                    while valueStart < bytes.count, Self.isSpace(bytes[valueStart]) { valueStart += 1 }
                    if valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'") {
                        guard let close = bytes[(valueStart + 1)...].firstIndex(of: bytes[valueStart]) else { break }
                        value = (valueStart + 1)..<close
                        cursor = close + 1
                    } else {
                        var valueEnd = valueStart
                        while valueEnd < bytes.count, !Self.isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                        value = valueStart..<valueEnd
                        cursor = valueEnd
                    }
                }
                // A removed attribute goes with the space before it: the next one has its own. A
                // kept value gets `<` and `>` as references (the same value, and no markup for a
                // later reader of the HTML to take for a tag).
                if keeps(name, value.map { bytes[$0] } ?? [], in: tagName) {
                    guard let value, !allowScripts else { tag += bytes[separatorStart..<cursor]; continue }
                    tag += bytes[separatorStart..<value.lowerBound]
                    for byte in bytes[value] {
                        switch byte {
                        case UInt8(ascii: "<"): tag += Array("&lt;".utf8)
                        case UInt8(ascii: ">"): tag += Array("&gt;".utf8)
                        default: tag.append(byte)
                        }
                    }
                    tag += bytes[value.upperBound..<cursor]
                }
            }
            // Not closed: the `<` is text.
            out += Array("&lt;".utf8)
            index += 1
        }

        /// Whether an attribute stays; notes network images on the way.
        mutating func keeps(_ name: String, _ value: ArraySlice<UInt8>, in tagName: String) -> Bool {
            if tagName == "img", name == "src" {
                let url = HTMLEntities.decoding(String(decoding: value, as: UTF8.self))
                if URLSafety.loadsFromNetwork(url) { networkImages.append(url) }
            }
            if allowScripts { return true }
            if name.hasPrefix("on") { return false }
            return !RawHTMLFilter.urlAttributes.contains(name) || (name != "srcdoc" && RawHTMLFilter.isPlainlySafe(value))
        }
    }
}
