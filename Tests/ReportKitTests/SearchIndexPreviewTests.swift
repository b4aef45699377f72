import Foundation
import Testing
@testable import ReportKit

/// The search index in a preview (`serve`, whole-site files deferred): an edit compares and
/// writes only the shards it made again, and the index on disk stays the one a full build writes.
struct SearchIndexPreviewTests {
    @Test func editedIndexIsTheFullBuildsIndex() throws {
        var files = TemporarySite.files
        for number in 0..<70 {
            files["many/p\(number).md"] = "---\ntitle: Page \(number)\n---\n\nWords \(number): credit loan risk market data.\n"
        }
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        builder.defersWholeSiteFiles = true
        _ = try builder.build()
        _ = try builder.writeWholeSiteFiles()
        let edits = [("many/p3.md", "---\ntitle: Page 3\n---\n\nWords 3: credit loan risk market data zebra.\n"),
                     ("many/p40.md", "---\ntitle: Page 40\n---\n\nWords 40: credit loan 征信 risk market data.\n")]
        for (path, text) in edits {
            files[path] = text
            try site.write(path, text)
            _ = try builder.build()
            let written = try builder.writeWholeSiteFiles()
            #expect(written.filter { $0.hasPrefix("search-index/p") }.count == 1)
        }
        let fresh = try TemporarySite(files: files)
        defer { fresh.remove() }
        _ = try SiteBuilder(options: fresh.options).build()
        let paths = SearchIndex.paths(pageCount: try builder.build().pages)
        #expect(paths.count > 6)
        for path in paths { #expect(site.read(output: path) == fresh.read(output: path), "\(path)") }
    }
}
