import Testing
@testable import ReportKit

struct SuggestionTests {
    @Test func suggestsCloseMatch() {
        #expect(Suggestion.closest(to: "shre", in: ["share", "year"]) == "share")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["share", "year"]) == nil)
    }
}
