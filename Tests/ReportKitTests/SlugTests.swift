import Testing
@testable import ReportKit

struct SlugTests {
    @Test(arguments: [
        ("Credit reporting", "credit-reporting"),
        ("  Laws & supervision!  ", "laws-supervision"),
        ("Café Crème", "cafe-creme"),
        ("征信 Credit Reporting", "征信-credit-reporting"),
        ("互联网消费金融", "互联网消费金融"),
        ("01 Think Tank", "01-think-tank"),
        ("***", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func repeatedHeadingsGetNumberedIds() {
        var registry = Slug.Registry()
        #expect(registry.unique(for: "Overview") == "overview")
        #expect(registry.unique(for: "Overview") == "overview-2")
        #expect(registry.unique(for: "overview") == "overview-3")
    }
}
