import Testing
@testable import ReportKit

struct SlugRegistryTests {
    @Test func repeatedHeadingsGetNumberedIds() {
        var registry = Slug.Registry(reserved: ["intro-3"])
        let ids = ["Intro", "Intro", "Intro 2", "Intro", "Intro", "Other"].map { registry.unique(for: $0) }
        #expect(ids == ["intro", "intro-2", "intro-2-2", "intro-4", "intro-5", "other"])
    }

    @Test func manyEqualHeadingsStayFast() {
        var registry = Slug.Registry()
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<20_000 { _ = registry.unique(for: "Section") }
        #expect(registry.unique(for: "Section") == "section-20001")
        #expect(clock.now - start < .seconds(5))
    }
}
