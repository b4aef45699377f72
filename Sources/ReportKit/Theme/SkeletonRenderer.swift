import Mustache
import Synchronization

/// Lays out many pages with one Mustache template, with output byte-identical to rendering each
/// page with swift-mustache directly, at a fraction of the cost.
///
/// swift-mustache resolves every tag by walking its context stack with dynamic casts, about 2 µs a
/// tag; a page template has about fifty, and a large site renders it thousands of times. Yet most
/// pages differ only in their *strings*, not in which sections open or how long their lists are.
/// So a page's context is split into its **shape** (the keys, booleans, list lengths and which
/// strings are empty) and its **strings**. The first page of each shape is rendered with
/// placeholder strings, giving a *skeleton*; every page of that shape then copies the skeleton and
/// puts its own strings in, escaped where the template escaped the placeholder.
///
/// A placeholder is `U+E002`, the string's number, `&`, `U+E003`: swift-mustache turns its `&`
/// into `&amp;` where it escapes (`{{x}}`) and leaves it where it does not (`{{{x}}}`, `{{&x}}`), so
/// the skeleton tells which escaping each occurrence needs. A string ending in a line break gets
/// a placeholder ending in one, as the library indents standalone partials after line breaks.
///
/// Falls back to direct rendering (same output, full cost) for templates whose output can depend on
/// a string's content: transforms such as `{{uppercased(title)}}`, dynamic partials `{{>*name}}`
/// and delimiter changes; and for contexts whose strings hold the placeholder characters. Contexts
/// are `TemplateValue`s, so no other kind of value can send a page down the slow path.
public final class SkeletonRenderer: Sendable {
    let library: MustacheLibrary
    let template: String
    /// False when some template of the library can see a string's content (see above).
    public let usesSkeletons: Bool
    private let skeletons = Mutex<[String: Skeleton]>([:])

    /// A renderer of `template` from the theme's library.
    public init(theme: Theme, template: String) {
        library = theme.templates
        self.template = template
        usesSkeletons = theme.templateTexts.values.allSatisfy(Self.allowsSkeletons)
    }

    /// The template rendered with `context`, exactly as `MustacheLibrary.render` would.
    public func render(_ context: some TemplateContext) -> String {
        render(context.templateValue)
    }

    /// The template rendered with `value`, exactly as `MustacheLibrary.render` would.
    public func render(_ value: TemplateValue) -> String {
        guard usesSkeletons else { return direct(value) }
        // Most pages share a shape seen before: the walk then only reads the context.
        var walk = ShapeWalk(buildsPlaceholders: false)
        guard walk.value(value) != nil else { return direct(value) }
        let shape = String(decoding: walk.shape, as: UTF8.self)
        if let skeleton = skeletons.withLock({ $0[shape] }) {
            return skeleton.fill(walk.strings)
        }
        var builder = ShapeWalk(buildsPlaceholders: true)
        guard let placeholders = builder.value(value),
              let skeleton = Skeleton(parsing: direct(placeholders), endsWithLineBreak: walk.endsWithLineBreak) else {
            return direct(value)
        }
        skeletons.withLock { $0[shape] = skeleton }
        return skeleton.fill(walk.strings)
    }

    /// Distinct shapes seen so far (for tests and `--verbose`).
    public var shapeCount: Int { skeletons.withLock { $0.count } }

    func direct(_ value: TemplateValue) -> String {
        library.render(value.mustacheValue, withTemplate: template) ?? ""
    }

    /// Whether a template's tags leave strings opaque: no transforms (a `(` in a tag), no dynamic
    /// partials (`{{>*name}}`), no delimiter changes (`{{=<% %>=}}`), no placeholder characters.
    /// Scans the UTF-8 bytes: Foundation's `range(of:)` on a `Substring` measured the whole
    /// template again at every tag (a few percent of a small site's build).
    static func allowsSkeletons(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        // U+E002 and U+E003 are EE 80 82 and EE 80 83 in UTF-8.
        if bytes.firstRange(of: [0xEE, 0x80, 0x82], from: 0) != nil || bytes.firstRange(of: [0xEE, 0x80, 0x83], from: 0) != nil { return false }
        let opening = Array("{{".utf8), closing = Array("}}".utf8)
        var position = 0
        while let start = bytes.firstRange(of: opening, from: position) {
            guard let end = bytes.firstRange(of: closing, from: start.upperBound) else { return true }
            var tag = bytes[start.upperBound..<end.lowerBound].drop { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: " ") }
            position = end.upperBound
            if tag.first == UInt8(ascii: "!") { continue }
            if tag.first == UInt8(ascii: "=") || tag.contains(UInt8(ascii: "(")) { return false }
            if tag.first == UInt8(ascii: ">") {
                tag = tag.dropFirst().drop { $0 == UInt8(ascii: " ") }
                if tag.first == UInt8(ascii: "*") { return false }
            }
        }
        return true
    }
}

/// Walks a context once: builds its shape key, collects its strings in order, and returns the
/// same context with each string replaced by its placeholder.
struct ShapeWalk {
    static let open: Unicode.Scalar = "\u{E002}"
    static let close: Unicode.Scalar = "\u{E003}"

    /// Whether to build the context with placeholders (needed only for a shape not seen before);
    /// without, the walk returns stand-ins and only `shape` and `strings` are meaningful.
    let buildsPlaceholders: Bool
    var shape: [UInt8] = []
    var strings: [String] = []
    var endsWithLineBreak: [Bool] = []

    init(buildsPlaceholders: Bool) {
        self.buildsPlaceholders = buildsPlaceholders
        shape.reserveCapacity(512)
        strings.reserveCapacity(64)
    }

    /// The value with placeholders in place of its non-empty strings (mappings walked in key
    /// order); `nil` if a string holds the placeholder characters.
    mutating func value(_ value: TemplateValue) -> TemplateValue? {
        switch value {
        case let .string(text):
            return string(text).map(TemplateValue.string)
        case let .bool(flag):
            shape.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            return value
        case let .int(number):
            shape.append(UInt8(ascii: "I"))
            appendDecimal(number)
            shape.append(UInt8(ascii: ";"))
            return value
        case let .list(elements):
            return list(elements) { walk, element in walk.value(element) }.map(TemplateValue.list)
        case let .map(entries):
            shape.append(UInt8(ascii: "{"))
            var result: [String: TemplateValue] = [:]
            if buildsPlaceholders { result.reserveCapacity(entries.count) }
            for (key, entry) in Self.inKeyOrder(entries) {
                appendKey(key)
                guard let mapped = self.value(entry) else { return nil }
                if buildsPlaceholders { result[key] = mapped }
            }
            shape.append(UInt8(ascii: "}"))
            return .map(result)
        case let .shared(shared):
            // Walked when it was made: its shape and strings are copied (placeholders, for a
            // shape not seen before, are numbered in this walk: then it is walked again).
            guard !buildsPlaceholders, let walked = shared.walk else { return self.value(shared.value) }
            shape += walked.shape
            strings += walked.strings
            endsWithLineBreak += walked.endsWithLineBreak
            return value
        }
    }

    /// A mapping's entries in one fixed order, by their keys' UTF-8 bytes. Any fixed order serves
    /// (it spells the shape and numbers the strings); this one compares integers, the keys' first
    /// eight bytes, and whole keys only where those tie. Sorting the entries by `String` comparison
    /// was about 7% of a large site's build.
    static func inKeyOrder(_ entries: [String: TemplateValue]) -> [(key: String, value: TemplateValue)] {
        let pairs = Array(entries)
        let prefixes = pairs.map { leadingBytes($0.key.utf8) }
        let order = pairs.indices.sorted { a, b in
            prefixes[a] != prefixes[b] ? prefixes[a] < prefixes[b] : pairs[a].key.utf8.lexicographicallyPrecedes(pairs[b].key.utf8)
        }
        return order.map { pairs[$0] }
    }

    mutating func list<Element, Mapped>(_ elements: [Element], _ map: (inout ShapeWalk, Element) -> Mapped?) -> [Mapped]? {
        shape.append(UInt8(ascii: "["))
        appendDecimal(elements.count)
        shape.append(UInt8(ascii: ":"))
        var result: [Mapped] = []
        if buildsPlaceholders { result.reserveCapacity(elements.count) }
        for element in elements {
            guard let mapped = map(&self, element) else { return nil }
            if buildsPlaceholders { result.append(mapped) }
        }
        shape.append(UInt8(ascii: "]"))
        return result
    }

    /// A placeholder for a non-empty string; empty strings and line breaks alone stay as they are
    /// (and are part of the shape): sections test them, and the library's indentation looks at them.
    mutating func string(_ string: String) -> String? {
        let bytes = string.utf8
        if bytes.allSatisfy({ $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            shape.append(UInt8(ascii: "L"))
            appendDecimal(bytes.count)
            shape.append(UInt8(ascii: ":"))
            shape.append(contentsOf: bytes)
            return string
        }
        // U+E002 and U+E003 are EE 80 82 and EE 80 83 in UTF-8.
        if bytes.contains(byte: 0xEE), string.unicodeScalars.contains(where: { $0 == Self.open || $0 == Self.close }) { return nil }
        // The last character is a lone "\n" (not "\r\n", one character).
        let lineBreak = bytes.last == UInt8(ascii: "\n") && (bytes.count == 1 || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] != UInt8(ascii: "\r"))
        shape.append(lineBreak ? UInt8(ascii: "N") : UInt8(ascii: "S"))
        let number = strings.count
        strings.append(string)
        endsWithLineBreak.append(lineBreak)
        guard buildsPlaceholders else { return string }
        return "\u{E002}\(number)&\u{E003}" + (lineBreak ? "\n" : "")
    }

    /// Appends `number` in decimal (without making a `String`: a few per page).
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { shape.append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            shape.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    mutating func appendKey(_ key: String) {
        shape.append(contentsOf: key.utf8)
        shape.append(UInt8(ascii: "="))
    }
}

/// A template's output for one shape, cut at its placeholders.
struct Skeleton: Sendable {
    enum Part: Sendable {
        case text(String)
        /// String number `index`, HTML-escaped or as it is.
        case string(index: Int, escaped: Bool)
    }

    let parts: [Part]
    let textBytes: Int
    /// A placeholder's `&` where the template escaped it.
    static let escapedAmpersand = Array("&amp;".utf8)

    /// Cuts `rendered` at its placeholders; `nil` if one is malformed (then the page renders directly).
    init?(parsing rendered: String, endsWithLineBreak: [Bool]) {
        var parts: [Part] = []
        var textBytes = 0
        let bytes = Array(rendered.utf8)
        var textStart = 0
        var index = 0
        func isMarker(_ at: Int, _ last: UInt8) -> Bool {
            at + 2 < bytes.count && bytes[at] == 0xEE && bytes[at + 1] == 0x80 && bytes[at + 2] == last
        }
        while index < bytes.count {
            guard isMarker(index, 0x82) else {
                index += 1
                continue
            }
            if index > textStart {
                parts.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self)))
                textBytes += index - textStart
            }
            var cursor = index + 3
            var number = 0
            var digits = 0
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            guard digits > 0, number < endsWithLineBreak.count else { return nil }
            let escaped: Bool
            if bytes[cursor...].starts(with: Self.escapedAmpersand) {
                escaped = true
                cursor += Self.escapedAmpersand.count
            } else if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "&") {
                escaped = false
                cursor += 1
            } else {
                return nil
            }
            guard isMarker(cursor, 0x83) else { return nil }
            cursor += 3
            if endsWithLineBreak[number] {
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\n") else { return nil }
                cursor += 1
            }
            parts.append(.string(index: number, escaped: escaped))
            index = cursor
            textStart = cursor
        }
        if textStart < bytes.count {
            parts.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
            textBytes += bytes.count - textStart
        }
        self.parts = parts
        self.textBytes = textBytes
    }

    /// The skeleton with `strings` put in.
    func fill(_ strings: [String]) -> String {
        var out = ""
        out.reserveCapacity(textBytes + strings.reduce(0) { $0 + $1.utf8.count })
        for part in parts {
            switch part {
            case let .text(text): out += text
            case let .string(index, escaped): out += escaped ? MustacheEscaping.html(strings[index]) : strings[index]
            }
        }
        return out
    }
}

/// swift-mustache's HTML escaping (`HTMLContentType`), reproduced exactly: `<`, `>`, `&`, `"` and
/// `'` are replaced Character by Character, so a `&` carrying a combining mark is left alone (where
/// `String.htmlEscaped`, scalar by scalar, would escape it).
enum MustacheEscaping {
    static func html(_ text: String) -> String {
        // ASCII holds no combining marks: there the two escapings agree, and `htmlEscaped` is faster.
        // (Scanned as a buffer where the bytes are at hand; `htmlEscaped` returns a plain string as it is.)
        let isASCII = text.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
        if isASCII { return text.htmlEscaped }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
