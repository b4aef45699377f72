import Foundation
@testable import ReportKit

/// Checks every link of a built site the way a browser follows it: each `href`, `src`,
/// `xlink:href` and `data-index` of every HTML file, each page's `data-root` (where search results
/// are resolved from) and each URL and heading of `search-index.js` must be a relative URL
/// (no scheme, not absolute, not protocol-relative) naming a file of the site, and a fragment must
/// name an id of its target. `data:image/` URIs are allowed in the stand-alone report, and so are
/// the `data:` URIs of its "Cite this report" downloads (BibTeX and RIS: a lone file has no files beside it).
struct LinkAudit {
    let files: [String: Data]
    /// Ids of each HTML file, by output path.
    let ids: [String: Set<String>]

    init(_ output: URL) {
        files = FolderSnapshot(output).files
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            let tags = EscapingTests.scan(String(decoding: data, as: UTF8.self)).tags
            ids[path] = Set(tags.flatMap { $0.attributes.filter { $0.name == "id" }.map { EscapingTests.decodeEntities($0.value) } })
        }
        self.ids = ids
    }

    /// Every problem found, as `file: attribute="value": what is wrong`.
    func problems() -> [String] {
        var problems: [String] = []
        for path in files.keys.sorted() where path.hasSuffix(".html") {
            let (tags, _) = EscapingTests.scan(String(decoding: files[path]!, as: UTF8.self))
            for tag in tags {
                for (name, value) in tag.attributes {
                    let url = EscapingTests.decodeEntities(value)
                    let problem: String?
                    switch name {
                    case "href", "src", "xlink:href", "data-index":
                        // The stand-alone file carries its images, CSV downloads and citation downloads inside it.
                        if path == "report-standalone.html" && (url.hasPrefix("data:image/") || url.hasPrefix("data:text/csv;charset=utf-8;base64,")
                            || url.hasPrefix("data:application/x-bibtex;") || url.hasPrefix("data:application/x-research-info-systems;")) { continue }
                        problem = check(url, from: path)
                    case "data-root":
                        problem = check(url + "search-index.js", from: path)
                    default:
                        continue
                    }
                    if let problem { problems.append("\(path): \(name)=\"\(value)\": \(problem)") }
                }
            }
        }
        if let index = files["search-index.js"] {
            problems += searchIndexProblems(String(decoding: index, as: UTF8.self))
        }
        return problems
    }

    /// The search index: a manifest setting REPORT_SEARCH_INDEX, and page shards whose records'
    /// URLs are relative to the site root and whose headings are ids of their page.
    func searchIndexProblems(_ script: String) -> [String] {
        let prefix = "window.REPORT_SEARCH_INDEX = "
        guard script.hasPrefix(prefix), script.hasSuffix(";\n"),
              let manifest = try? JSONSerialization.jsonObject(with: Data(script.dropFirst(prefix.count).dropLast(2).utf8)) as? [String: Any],
              let folder = manifest["folder"] as? String, let pages = manifest["pages"] as? Int, let perShard = manifest["pagesPerShard"] as? Int else {
            return ["search-index.js: not a script setting REPORT_SEARCH_INDEX to the index's manifest"]
        }
        var problems: [String] = []
        var records = 0
        for shard in 0..<((pages + perShard - 1) / perShard) {
            let path = "\(folder)p\(shard).js"
            let text = files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard let json = SearchShards.shardJSON(text),
                  let entries = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else {
                problems.append("\(path): missing or not a page shard")
                continue
            }
            records += entries.count
            for entry in entries {
                let url = entry[1] as? String ?? ""
                let headings = (entry[3] as? [[Any]] ?? []).compactMap { $0.first as? String }
                for suffix in [""] + headings.map({ "#" + $0 }) {
                    if let problem = check(url + suffix, from: "index.html") { problems.append("\(path): \(url + suffix): \(problem)") }
                }
            }
        }
        if records != pages { problems.append("search-index.js: \(pages) pages, but the page shards hold \(records)") }
        return problems
    }

    /// What is wrong with `url` written in the file at `page` (nil when it names a file of the site).
    func check(_ url: String, from page: String) -> String? {
        // Browsers drop leading and trailing spaces and controls, and tabs and newlines anywhere.
        let cleaned = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .map(Character.init)).trimmingCharacters(in: CharacterSet(charactersIn: " ").union(.controlCharacters))
        if cleaned.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return "has a scheme" }
        if cleaned.hasPrefix("/") || cleaned.hasPrefix("\\") { return "is absolute or protocol-relative" }
        var rest = cleaned
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let question = rest.firstIndex(of: "?") { rest = String(rest[..<question]) }
        if rest.contains("\\") { return "holds a backslash, which browsers read as '/'" }
        guard let decoded = rest.removingPercentEncoding else { return "bad percent-encoding" }
        var target = page
        if !decoded.isEmpty {
            var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            for (index, segment) in segments.enumerated() {
                switch segment {
                case "..":
                    guard !parts.isEmpty else { return "leaves the site" }
                    parts.removeLast()
                case ".": continue
                case "" where index == segments.count - 1: parts.append("index.html")
                default: parts.append(segment)
                }
            }
            target = parts.joined(separator: "/")
        }
        guard files[target] != nil else { return "names '\(target)', which the site does not hold" }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.removingPercentEncoding ?? fragment
            if ids[target]?.contains(id) != true { return "names no id '\(id)' in '\(target)'" }
        }
        return nil
    }
}
