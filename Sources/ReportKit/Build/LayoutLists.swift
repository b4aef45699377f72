import Foundation

/// The navigation and section lists of a `PageContext`, kept between incremental builds while
/// no page's title, summary or place changes (they show only those).
struct LayoutLists: Sendable {
    var navigation: [RenderedPage] = []
    var childrenBySection: [String: [RenderedPage]] = [:]
    var navigationHTML: [String: String] = [:]

    init() {}

    /// The lists of `context`.
    init(_ context: PageContext) {
        navigation = context.navigation
        childrenBySection = context.childrenBySection
        navigationHTML = context.navigationHTML
    }

    /// Puts `page` (same place, new title or summary) in its section's list; false when it is
    /// a navigation entry, whose title is in every page's rendered navigation: then the lists must
    /// be made again.
    mutating func replaceChild(_ page: RenderedPage) -> Bool {
        let output = page.page.outputPath
        if navigation.contains(where: { $0.page.outputPath == output }) { return false }
        if let position = childrenBySection[page.page.section]?.firstIndex(where: { $0.page.outputPath == output }) {
            childrenBySection[page.page.section]![position] = page
        }
        return true
    }
}

extension PageContext {
    /// A context for `site` with lists made earlier for a site whose pages had the same titles,
    /// summaries and places: saves going through every page to make them again.
    init(site: AssembledSite, lists: LayoutLists) {
        self.site = site
        printStyle = PrintStyle.css(for: site)
        navigation = lists.navigation
        childrenBySection = lists.childrenBySection
        navigationHTML = lists.navigationHTML
        // Computed per page laid out (`context(for:body:)`): a one-page edit lays out a few pages.
        navigationKeys = []
    }
}
