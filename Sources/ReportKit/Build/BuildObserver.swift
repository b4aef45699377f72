/// Watches a build as it runs: the CLI uses it for its progress line and `--verbose` timings.
/// Methods may be called from several threads at once (pages render in parallel).
public protocol BuildObserver: Sendable {
    /// The number of pages the build is about to render.
    func pagesToRender(_ count: Int)
    /// One more page is rendered.
    func pageRendered()
    /// A named step of the pipeline (`loadContent`, `loadData`, `loadTheme`, `renderPages`,
    /// `resolveReferences`, then the writing steps listed in `SiteBuilder`) starts.
    func stepStarted(_ name: String)
    /// A named step of the pipeline finished.
    func stepFinished(_ name: String, duration: Duration)
}
