import Foundation
import Testing
@testable import ReportKit

/// The warnings of `IncrementalBuilder`, which keeps the site-wide ones between builds: after
/// each edit they must be those of a builder building the site from scratch.
struct IncrementalWarningsTests {
    static let bibliography = """
        @book{wu2025, author = {Wu, Guijuan}, title = {Internet Consumer Finance}, year = {2025}, publisher = {Example Press}}
        @book{zhao2024, author = {Zhao, Min}, title = {Credit Reporting}, year = {2024}, publisher = {Example Press}}

        """

    @Test func siteWideWarningsFollowEditsThatNameDataOrCiteWorks() throws {
        var files = TemporarySite.files
        files["data/spare.csv"] = "name,value\na,1\n"
        files["references.bib"] = Self.bibliography
        files["part/one.md"] = "---\ntitle: One\nweight: 1\n---\n\nFirst [@wu2025].\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        builder.checksBookkeeping = true
        let first = try builder.build()
        #expect(Self.messages(first.warnings).contains { $0.contains("'data/spare.csv' is not used") })
        #expect(Self.messages(first.warnings).contains { $0.contains("'zhao2024' is not cited") })
        let edits: [(path: String, text: String)] = [
            ("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n"),
            ("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nThe [spare figures](../data/spare.csv).\n"),
            ("part/three.md", "---\ntitle: Three\nweight: 3\n---\n\nThird [@zhao2024].\n"),
            ("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond.\n"),
            ("part/one.md", "---\ntitle: One\nweight: 1\n---\n\nFirst.\n"),
            ("part/three.md", "---\ntitle: Three\nweight: 3\n---\n\nThird.\n"),
        ]
        for edit in edits {
            try site.write(edit.path, edit.text)
            let result = try builder.build(changedPaths: [site.content.appendingPathComponent(edit.path).path])
            #expect(result.usedChangedPaths)
            #expect(Self.messages(result.warnings) == Self.messages(try Self.freshWarnings(site)), "after editing \(edit.path)")
        }
        let last = try builder.build()
        #expect(Self.messages(last.warnings).contains { $0.contains("'data/spare.csv' is not used") })
        #expect(Self.messages(last.warnings).contains { $0.contains("'wu2025' is not cited") })
    }

    /// The warnings of a first build of the site as it is now, into another folder.
    static func freshWarnings(_ site: TemporarySite) throws -> [Diagnostic] {
        var options = site.options
        options.outputFolder = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        var builder = IncrementalBuilder(options: options)
        return try builder.build().warnings
    }

    static func messages(_ warnings: [Diagnostic]) -> [String] {
        warnings.map(\.description)
    }
}
