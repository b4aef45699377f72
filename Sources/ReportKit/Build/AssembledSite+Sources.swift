/// Letting go of the pages' Markdown once a build has rendered it.
extension AssembledSite {
    /// Empties every page's Markdown source (`Page.body`), in the content and in the rendered
    /// pages. A build reads it only to render; what follows (numbering, layout, the search index,
    /// the whole report) works from the rendered HTML. On a site of 100,000 pages the sources are
    /// about 160 MB that would otherwise stay alive through the search index, where memory peaks.
    /// Not for `serve`, whose incremental builder compares sources between edits.
    mutating func releasePageSources() {
        for index in content.pages.indices { content.pages[index].body = "" }
        for index in pages.indices { pages[index].page.body = "" }
    }
}
