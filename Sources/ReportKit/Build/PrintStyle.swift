/// The `@page` rules of every page, written into its `<style media="print">`: the paper size from
/// `site.yml` (`options: paper`), the report's title in the top margin and "Page N of M" in the
/// bottom one (Chromium prints `@page` margin boxes). They are made here, not in the theme's style
/// sheet, because they hold the site's title and the theme's wording, escaped as CSS strings.
enum PrintStyle {
    /// The rules for `site`.
    static func css(for site: AssembledSite) -> String {
        css(title: site.content.config.title, paper: site.content.config.paper, pageNumber: site.theme.strings[.pageNumber])
    }

    /// The rules for a site titled `title`; `pageNumber` is the theme's `page_number` string
    /// (`Page {page} of {pages}`).
    static func css(title: String, paper: PaperSize, pageNumber: String?) -> String {
        let margin = "font: 8.5pt system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Sans CJK SC\", sans-serif; color: #57606a;"
        return "@page { size: \(paper.css); margin: 18mm 16mm 20mm; "
            + "@top-left { content: \(cssString(title)); \(margin) } "
            + "@bottom-right { content: \(counterContent(pageNumber ?? "{page} / {pages}")); \(margin) } } "
            + "@page :first { @top-left { content: none; } }"
    }

    /// `Page {page} of {pages}` as CSS `content`: `"Page " counter(page) " of " counter(pages)`.
    static func counterContent(_ template: String) -> String {
        var parts: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let close = rest[open...].firstIndex(of: "}") ?? rest.endIndex
            let name = close < rest.endIndex ? rest[rest.index(after: open)..<close] : ""
            guard name == "page" || name == "pages" else {
                parts.append(cssString(String(rest[...open])))
                rest = rest[rest.index(after: open)...]
                continue
            }
            if open > rest.startIndex { parts.append(cssString(String(rest[..<open]))) }
            parts.append("counter(\(name))")
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(cssString(String(rest))) }
        return parts.isEmpty ? "counter(page)" : parts.joined(separator: " ")
    }

    /// `text` as a double-quoted CSS string that is also safe inside an HTML `<style>` element:
    /// quotes, backslashes, control characters and `<`, `>`, `&` written as hexadecimal escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
