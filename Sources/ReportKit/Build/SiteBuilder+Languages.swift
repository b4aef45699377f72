/// Writing the other languages' editions of a multilingual site: each is laid out with its own
/// words, and gets its own search index, whole report and list of references in its folder
/// (`SiteWriter` with the edition's `AssembledSite`, into the same staging folder). Assets, data
/// and static files are written once, by the default edition. `SiteBuilder.write` runs this
/// beside the default edition's writing; the steps are named with the language (`layoutPages/zh`).
extension SiteBuilder {
    func writeTranslations(of site: AssembledSite, writer: OutputWriter) throws(DiagnosticList) {
        for translation in site.translations where !translation.pages.isEmpty {
            let language = translation.content.edition.language.map { "/" + $0.code } ?? ""
            let siteWriter = SiteWriter(site: translation, writer: writer)
            let laidOut = try pipeline.step("layoutPages" + language) { () throws(DiagnosticList) in try siteWriter.layoutPages() }
            let report = siteWriter.wholeReport(bodies: laidOut.bodies)
            let index = try pipeline.step("writeSearchIndex" + language) { () throws(DiagnosticList) in
                try siteWriter.writeSearchIndex(laidOut, report: report)
            }
            try pipeline.step("writeWholeReport" + language) { () throws(DiagnosticList) in try siteWriter.writeWholeReport(report, searchIndex: index) }
        }
    }
}
