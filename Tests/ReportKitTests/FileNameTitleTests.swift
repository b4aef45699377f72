import Foundation
import Testing
@testable import ReportKit

/// Pages and generated folder pages take their title from a file name by one rule (they used to
/// disagree: "Credit reporting" for a page, "Credit Reporting" for a folder).
struct FileNameTitleTests {
    @Test func pagesAndFoldersFollowOneRule() {
        #expect(FileNameTitle.title(forPage: "credit-reporting.md") == "Credit reporting")
        #expect(FileNameTitle.title(forPage: "a/GDP_data.md") == "GDP data")
        #expect(FileNameTitle.title(forPage: "index.md") == "Home")
        #expect(FileNameTitle.title(forPage: "credit-reporting/_index.md") == "Credit reporting")
        #expect(FileNameTitle.title(forFolder: "parts/credit-reporting") == "Credit reporting")
        #expect(FileNameTitle.title(forFolder: "GDP-data") == "GDP data")
        #expect(FileNameTitle.title(forFolder: "v1.2") == "V1.2")
    }

    @Test func aFolderWithoutIndexAndAPageWithoutHeadingAgree() throws {
        let site = try TemporarySite(files: [
            "site.yml": "title: Titles\n",
            "index.md": "# Home\n",
            "credit-reporting.md": "No heading here.\n",
            "credit-reporting-notes/first.md": "# First\n",
        ])
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        #expect(site.read(output: "credit-reporting/index.html").contains("<h1>Credit reporting</h1>"))
        #expect(site.read(output: "credit-reporting-notes/index.html").contains("<h1>Credit reporting notes</h1>"))
    }
}
