import Testing
@testable import ReportKit

/// The BibTeX/BibLaTeX reader: syntax, macros, LaTeX to Unicode, names, and errors with locations.
struct BibTeXReaderTests {
    static func read(_ text: String) throws -> [Reference] {
        try BibTeXParser.parse(text, file: "references.bib").map(BibTeXMapping.reference)
    }

    static func error(_ text: String) -> String {
        do {
            _ = try BibTeXParser.parse(text, file: "references.bib")
            return "no error"
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func entryTypesMapToCSLTypes() throws {
        let types = ["article": ReferenceType.articleJournal, "book": .book, "incollection": .chapter, "inbook": .chapter,
                     "inproceedings": .paperConference, "conference": .paperConference, "report": .report, "techreport": .report,
                     "thesis": .thesis, "phdthesis": .thesis, "mastersthesis": .thesis, "misc": .document, "online": .webpage,
                     "www": .webpage, "dataset": .dataset, "patent": .document]
        for (bibType, csl) in types {
            let reference = try #require(Self.read("@\(bibType.uppercased()){k, title = {T}}").first)
            #expect(reference.type == csl, "@\(bibType)")
        }
    }

    @Test func bracesQuotesNumbersAndParentheses() throws {
        let references = try Self.read("""
        Text outside entries is a comment.
        @article(a, title = "A {"}quoted{"} title", year = 2021, volume = {1{2}})
        % a comment line holding @nothing
        @book{b, title = {Nested {braces {deep}} here},}
        """)
        #expect(references.map(\.id) == ["a", "b"])
        #expect(references[0].title?.description == "A \"quoted\" title")
        #expect(references[0].issued?.year == 2021)
        #expect(references[0].volume == "12")
        #expect(references[1].title?.description == "Nested braces deep here")
    }

    @Test func stringMacrosAndConcatenation() throws {
        let reference = try #require(Self.read("""
        @string{jfe = {Journal of Finance}}
        @STRING(pre = "The ")
        @article{a, journal = pre # jfe # { Letters}, month = may, year = 2020}
        """).first)
        #expect(reference.containerTitle?.description == "The Journal of Finance Letters")
        #expect(reference.issued == ReferenceDate(year: 2020, month: 5))
    }

    @Test func accentsDashesQuotesAndSymbols() {
        #expect(LaTeXText.plain(#"M{\"u}ller \'Etienne Garc\'{\i}a \c{c} {\ss} \o{} \l{} \v{s}"#) == "Müller Étienne García ç ß ø ł š")
        // A control word takes the spaces after it, as in LaTeX.
        #expect(LaTeXText.plain(#"\l \v{s}"#) == "łš")
        #expect(LaTeXText.plain("pages 10--20, a---b, ``quoted'' and `single' it's") == "pages 10–20, a—b, “quoted” and ‘single’ it’s")
        #expect(LaTeXText.plain(#"R\&D 50\% \emph{new} \textbf{bold} a~b"#) == "R&D 50% new bold a\u{A0}b")
    }

    @Test func protectedCapitalsSurviveSentenceAndTitleCase() throws {
        let reference = try #require(Self.read("@article{a, title = {Credit Scoring with {Big Data} in {China}: A Peer-to-Peer View}}").first)
        // Stored in sentence case as Pandoc does; protected words as written.
        #expect(reference.title?.description == "Credit scoring with Big Data in China: A peer-to-peer view")
        #expect(TextCase.titleCase(reference.title!).description == "Credit Scoring with Big Data in China: A Peer-to-Peer View")
        let chinese = try #require(Self.read("@article{b, title = {Internet Finance}, langid = {chinese}}").first)
        #expect(chinese.title?.description == "Internet Finance")
    }

    @Test func namesInEveryForm() {
        let names = BibTeXNames.parse(#"Smith, John and Ludwig van Beethoven and de la Fontaine, Jean and Ford, Jr., Henry and {People's Bank of China} and M{\"u}ller, Hans and 吴贵鹃 and 吴, 贵鹃 and Aristotle"#)
        #expect(names == [
            PersonName(family: "Smith", given: "John"),
            PersonName(family: "Beethoven", given: "Ludwig", particle: "van"),
            PersonName(family: "Fontaine", given: "Jean", particle: "de la"),
            PersonName(family: "Ford", given: "Henry", suffix: "Jr."),
            PersonName(literal: "People’s Bank of China"),
            PersonName(family: "Müller", given: "Hans"),
            PersonName(family: "吴贵鹃"),
            PersonName(family: "吴", given: "贵鹃"),
            PersonName(family: "Aristotle"),
        ])
        #expect(StyleFormatting.full(names[7]) == "吴贵鹃")
        #expect(StyleFormatting.initialed(names[7]) == "吴贵鹃", "CJK names are never reduced to initials")
        #expect(StyleFormatting.inverted(names[1]) == "Beethoven, Ludwig van")
        #expect(StyleFormatting.initialed(names[1]) == "L. van Beethoven")
    }

    @Test func syntaxErrorsGiveFileLineColumnAndHint() {
        #expect(Self.error("@article{a,\n  title = {Open") == """
        references.bib:2:11: error[RG1001]: the '{' opened here is never closed
        hint: add the missing '}' (braces in a value must balance)
        """)
        #expect(Self.error("@article{a,\n  title = {Open\n}") == """
        references.bib:3:2: error[RG1001]: expected ',' or '}' after the value of field 'title', found the end of the file
        hint: close the entry 'a' with '}'
        """)
        #expect(Self.error("@article{a,\n  author = {X}\n  title = {T}\n}") == """
        references.bib:3:3: error[RG1001]: expected ',' or '}' after the value of field 'author', found 't'
        hint: add a ',' at the end of the value of 'author'
        """)
        #expect(Self.error("@string{jfe = {J}}\n@article{a, journal = jfee}") == """
        references.bib:2:23: error[RG1001]: unknown @string macro 'jfee'
        hint: did you mean 'jfe'? Or put the value in braces: {jfee}
        """)
        #expect(Self.error("@article{a, title = \"unclosed}") == """
        references.bib:1:21: error[RG1001]: unbalanced '}' in a quoted value
        hint: braces inside a value must balance
        """)
        #expect(Self.error("@article{, title = {T}}") == """
        references.bib:1:10: error[RG1001]: @article entry has no citation key
        hint: write @article{key, ...}; the key is what pages cite as [@key]
        """)
        #expect(Self.error("@article{a,\n  title = {T\u{0}x}}") == """
        references.bib:2:13: error[RG0120]: control character U+0000 (NUL) in the bibliography
        hint: control characters cannot appear in a page; remove it
        """)
        #expect(Self.error("@article{a, title = {T}, title = {U}}") == """
        references.bib:1:26: error[RG1001]: field 'title' is given twice in entry 'a'
        hint: keep one of them
        """)
    }

    @Test func deeplyNestedBracesAreAnErrorNotACrash() {
        let deep = "@article{a, title = {" + String(repeating: "{", count: 100_000) + String(repeating: "}", count: 100_001) + "}"
        #expect(Self.error(deep) == """
        references.bib:1:123: error[RG1001]: braces nested more than 100 deep
        hint: a field value needs only a few levels of braces; check for a run of '{'
        """)
        #expect(throws: Never.self) { try Self.read("@article{a, title = {" + String(repeating: "{", count: 99) + "x" + String(repeating: "}", count: 100) + "}") }
    }

    @Test func cslJSONItems() throws {
        let items = try CSLJSONReader.read("""
        [{"id": "zotero1", "type": "article-journal", "title": "Lending in <span class=\\"nocase\\">China</span>",
          "author": [{"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}, {"literal": "World Bank"}],
          "issued": {"date-parts": [[2021, 5]]}, "container-title": "Journal", "page": "1-9", "DOI": "10.1/x", "URL": "https://x.org"}]
        """, file: "references.json")
        let reference = try #require(items.first?.0)
        #expect(reference.id == "zotero1" && reference.type == .articleJournal)
        #expect(reference.title?.spans == [.init(text: "Lending in ", isProtected: false), .init(text: "China", isProtected: true)])
        #expect(reference.authors == [PersonName(family: "Berg", given: "Anna", particle: "van der"), PersonName(literal: "World Bank")])
        #expect(reference.issued == ReferenceDate(year: 2021, month: 5))
        #expect(reference.pages == "1-9" && reference.doi == "10.1/x" && reference.url == "https://x.org")
        #expect(items.first?.1 == SourceLocation(file: "references.json", line: 1, column: 2))
    }

    @Test func cslJSONErrorsHaveLocations() {
        #expect(throws: DiagnosticList.self) { try CSLJSONReader.read("{\"id\": \"a\"}", file: "references.json") }
        do {
            _ = try CSLJSONReader.read("[\n  {\"type\": \"book\"}\n]", file: "references.json")
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["references.json:2:3: error[RG1002]: CSL-JSON item without an 'id'\nhint: give every item the key pages cite it by: \"id\": \"wu2025\""])
        }
    }
}
