import Foundation
import Testing

/// Markup written into front matter, site.yml, CSV cells and headers, data metadata, chart and
/// table specs, headings, links and file names reaches the built HTML only as text.
struct EscapingTests {
    /// One tag of an HTML document, as a simple scanner sees it.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// `</name>`.
        var isEnd = false
    }

    /// Scans `html` tag by tag. Any `<` that does not open a well-formed tag, comment or doctype,
    /// and any attribute value that is not double-quoted, is reported in `problems`.
    static func scan(_ html: String) -> (tags: [Tag], problems: [String]) {
        var tags: [Tag] = []
        var problems: [String] = []
        let text = Array(html.unicodeScalars)
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":" || scalar == "_"
        }
        func context() -> String { String(String.UnicodeScalarView(text[max(0, index - 40)..<min(text.count, index + 60)])) }
        while index < text.count {
            guard text[index] == "<" else { index += 1; continue }
            let rest = String(String.UnicodeScalarView(text[index..<min(text.count, index + 9)]))
            if rest.hasPrefix("<!--") {
                var end = index + 4
                while end + 2 < text.count, !(text[end] == "-" && text[end + 1] == "-" && text[end + 2] == ">") { end += 1 }
                index = end + 3
                continue
            }
            if rest.uppercased().hasPrefix("<!DOCTYPE") {
                while index < text.count, text[index] != ">" { index += 1 }
                continue
            }
            index += 1
            if index < text.count, text[index] == "/" { index += 1 }
            var name = ""
            while index < text.count, isNameScalar(text[index]) { name.unicodeScalars.append(text[index]); index += 1 }
            guard !name.isEmpty else { problems.append("stray '<': \(context())"); continue }
            let isEndTag = text[index - name.unicodeScalars.count - 1] == "/"
            var tag = Tag(name: name.lowercased(), attributes: [], isEnd: isEndTag)
            while index < text.count {
                while index < text.count, text[index].properties.isWhitespace { index += 1 }
                guard index < text.count else { break }
                if text[index] == ">" { index += 1; break }
                if text[index] == "/", index + 1 < text.count, text[index + 1] == ">" { index += 2; break }
                var attribute = ""
                while index < text.count, isNameScalar(text[index]) { attribute.unicodeScalars.append(text[index]); index += 1 }
                guard !attribute.isEmpty else { problems.append("malformed tag <\(name)>: \(context())"); index += 1; break }
                var value = ""
                if index < text.count, text[index] == "=" {
                    index += 1
                    guard index < text.count, text[index] == "\"" else {
                        problems.append("unquoted value of \(attribute) in <\(name)>: \(context())")
                        break
                    }
                    index += 1
                    while index < text.count, text[index] != "\"" {
                        if text[index] == "<" { problems.append("'<' inside the value of \(attribute): \(context())") }
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                    index += 1
                }
                tag.attributes.append((attribute.lowercased(), value))
            }
            tags.append(tag)
            // The theme's scripts and styles are raw text: skip to their end tag.
            if !tag.isEnd, tag.name == "script" || tag.name == "style" {
                let close = Array("</\(tag.name)".unicodeScalars)
                while index < text.count, !(text[index] == "<" && Array(text[index..<min(text.count, index + close.count)]).map { Character($0).lowercased() }.joined() == String(String.UnicodeScalarView(close))) {
                    index += 1
                }
            }
        }
        return (tags, problems)
    }

    /// `&#39;`, `&quot;`, `&amp;`, `&lt;`, `&gt;` and numeric references decoded, as a browser reads an attribute.
    static func decodeEntities(_ value: String) -> String {
        var out = value
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        while let match = out.range(of: "&#[xX]?[0-9a-fA-F]+;", options: .regularExpression) {
            let digits = out[match].dropFirst(2).dropLast()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            out.replaceSubrange(match, with: value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "\u{FFFD}")
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// How many `<script>` and `<style>` elements the theme itself puts on a page of each kind
    /// (pages of the good fixture site, by output path; `*` for ordinary pages).
    static func themeElements() throws -> [String: [String: Int]] {
        let folder = try CLI.scratchFolder("escaping-baseline")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("content"))
        #expect(try CLI.build(in: folder).status == 0)
        var counts: [String: [String: Int]] = [:]
        for (path, data) in FolderSnapshot(folder.appendingPathComponent("output")).files where path.hasSuffix(".html") {
            let key = path.hasPrefix("report") ? path : "*"
            var perPage: [String: Int] = [:]
            for tag in scan(String(decoding: data, as: UTF8.self)).tags where !tag.isEnd && ["script", "style"].contains(tag.name) {
                perPage[tag.name, default: 0] += 1
            }
            for (name, count) in perPage { counts[key, default: [:]][name] = max(counts[key]?[name] ?? 0, count) }
        }
        return counts
    }

    /// Checks one page: no script or style elements beyond the theme's own (`allowed`), no
    /// event-handler attributes, no script URLs, every `<` opening a real tag, every attribute
    /// value double-quoted.
    static func check(_ html: String, page: String, allowed: [String: Int]) {
        let (tags, problems) = scan(html)
        #expect(problems.isEmpty, "\(page): \(problems.prefix(5))")
        for name in ["script", "style"] {
            let count = tags.filter { !$0.isEnd && $0.name == name }.count
            #expect(count <= allowed[name] ?? 0, "\(page): \(count) <\(name)> elements, the theme has \(allowed[name] ?? 0)")
        }
        for tag in tags {
            #expect(!["iframe", "object", "embed", "textarea"].contains(tag.name), "\(page): <\(tag.name)> element")
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "\(page): event handler \(name)=\"\(value)\" on <\(tag.name)>")
                if ["href", "src", "xlink:href", "action", "formaction"].contains(name) {
                    let url = decodeEntities(value).lowercased().filter { !$0.isWhitespace }
                    // CSV downloads of the stand-alone report are `data:text/csv` (never rendered as a page).
                    let csv = url.hasPrefix("data:text/csv;charset=utf-8;base64,") && page == "report-standalone.html"
                    #expect(!url.hasPrefix("javascript:") && !url.hasPrefix("vbscript:") && (!url.hasPrefix("data:text") || csv),
                            "\(page): script URL \(name)=\"\(value)\"")
                }
            }
        }
        #expect(!html.contains("<script>alert"), "\(page): unescaped <script>")
    }

    @Test("hostile text in every input is escaped in the built HTML")
    func hostileTextIsEscaped() throws {
        let folder = try CLI.scratchFolder("escaping")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try CLI.copyFixture("escaping/content", to: content)
        // File names with markup in them (made here: such names do not travel well in a repository).
        let oddPage = "we\"ird<b>&'.md"
        let oddData = "d\"<x>&'.csv"
        try Data("a,b\n1,2\n".utf8).write(to: content.appendingPathComponent("data/\(oddData)"))
        try Data("# Weird\n\nAn odd file name.\n\n```table\nid: odd\ndata: \"data/d\\\"<x>&'.csv\"\ncaption: Odd file\n```\n".utf8)
            .write(to: content.appendingPathComponent(oddPage))

        let run = try CLI.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let output = FolderSnapshot(folder.appendingPathComponent("output"))
        let pages = output.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("index.html") && pages.contains("we\"ird<b>&'/index.html"))
        let theme = try Self.themeElements()
        for page in pages {
            Self.check(String(decoding: output.files[page]!, as: UTF8.self), page: page, allowed: theme[page.hasPrefix("report") ? page : "*"] ?? [:])
        }
        let home = String(decoding: output.files["index.html"] ?? Data(), as: UTF8.self)
        // The payloads are there, as text.
        #expect(home.contains("<title>Site &lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt; &amp; &quot;co&quot;</title>"))
        #expect(home.contains("<th scope=\"row\">&lt;script&gt;alert(&#39;cell&#39;)&lt;/script&gt;</th>"))
        #expect(home.contains("<td>&#39; onmouseover=&#39;alert(1)</td>"))
        #expect(home.contains("<th scope=\"col\">name&lt;script&gt;</th>"))
        #expect(home.contains("<a href=\"\">js link</a>"))
        // The chart's SVG title is a real element (not escaped away by a tag filter).
        #expect(home.contains("<title id=\"fig-chart-title\">"))
        // The odd data file is published under its own name and linked percent-encoded.
        #expect(output.files["data/\(oddData)"] != nil)
        let weird = String(decoding: output.files["we\"ird<b>&'/index.html"] ?? Data(), as: UTF8.self)
        #expect(weird.contains("href=\"../data/d%22%3Cx%3E&amp;&#39;.csv\""))
    }

    @Test("with raw_html: true, the author's HTML still runs no script (raw_html_scripts is the opt-in)")
    func rawHTMLRunsNoScript() throws {
        let folder = try CLI.scratchFolder("raw-html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Raw\noptions:\n  raw_html: true\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data(#"""
            # Raw

            <div onclick="alert(1)"><img src="x.png" alt="x" ONERROR=alert(2)><a href=" JavaScript:alert(3)">a</a></div>

            Inline <b onmouseover='alert(4)'>bold</b>, <a href="jav&#x61;script:alert(5)">link</a>, [md](javascript:alert(6)).

            <svg/onload=alert(7)><a xlink:href="javascript:alert(8)"><animate attributeName="href" values="javascript:alert(9)"/></a></svg>

            <form action="javascript:alert(10)"><button formaction="javascript:alert(11)">b</button></form>

            <noscript><p title="</noscript><img src=x onerror=alert(12)>"></p></noscript>

            <object data="javascript:alert(13)"></object><embed src="javascript:alert(14)"><iframe src="javascript:alert(15)"></iframe>

            <p>Kept: <a href="https://example.org/?a=1&amp;b=2" title="t">out</a> <em class="c">em</em></p>

            """#.utf8).write(to: content.appendingPathComponent("index.md"))
        try Data("x".utf8).write(to: content.appendingPathComponent("x.png"))
        let run = try CLI.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let output = FolderSnapshot(folder.appendingPathComponent("output"))
        let theme = try Self.themeElements()
        for page in output.files.keys.sorted() where page.hasSuffix(".html") {
            Self.check(String(decoding: output.files[page]!, as: UTF8.self), page: page, allowed: theme[page.hasPrefix("report") ? page : "*"] ?? [:])
        }
        let home = String(decoding: output.files["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains(#"<a href="https://example.org/?a=1&amp;b=2" title="t">out</a> <em class="c">em</em>"#))
    }

    @Test("the scanner catches what it is meant to catch")
    func scannerSelfCheck() {
        #expect(!Self.scan("<a href=x>").problems.isEmpty)
        #expect(!Self.scan("<p>1 < 2</p>").problems.isEmpty)
        #expect(Self.scan("<p title=\"a &lt; b\">x</p><!-- <raw> -->").problems.isEmpty)
        #expect(Self.scan("<img src=\"\" onerror=\"x\">").tags.first?.attributes.map(\.name) == ["src", "onerror"])
    }
}
