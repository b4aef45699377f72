import Foundation
import Testing
@testable import ReportKit

/// `FolderListing` lists what `ContentLoader.listFiles()` lists.
struct FolderListingTests {
    @Test func listsTheSameFilesAsTheContentLoader() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write(".hidden/page.md", "hidden\n")
        try site.write("part/.swap.md", "swap\n")
        try site.write("images/deep/figure.svg", "<svg/>\n")
        let loader = ContentLoader(contentRoot: site.content, displayRoot: "content")
        var listed: [String] = []
        FolderListing.visit(site.content.path) { _, relative, kind in
            if kind == .file { listed.append(relative) }
        }
        listed.sort()
        #expect(listed == loader.listFiles())
        #expect(listed.contains("images/deep/figure.svg"))
        #expect(!listed.contains { $0.contains("/.") || $0.hasPrefix(".") })
    }
}
