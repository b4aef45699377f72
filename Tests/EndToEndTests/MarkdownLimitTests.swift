import Foundation
import Testing

/// Markdown that cmark-gfm 0.29.0.gfm.6 parses in time or memory growing with a square is refused
/// before it is parsed (`MarkdownLimits`), with the place and a hint. The pages are generated (too
/// bulky to commit); the time bounds are generous (the real targets are `make bench`'s), and each
/// case took from seconds to minutes before the check.
extension BadInputTests {
    /// Builds a one-page site over a good build and expects the exact `stderr`, the previous output
    /// left alone, and an answer within `bound`.
    func expectMarkdownRefusal(_ name: String, page: String, stderr: String, bound: Duration = .seconds(20)) throws {
        let (run, elapsed, before, after) = try buildGenerated(name) { content in
            try Data(page.utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 1)
        #expect(run.stderr == stderr)
        #expect(after == before)
        #expect(elapsed < bound)
    }

    /// A 1,000-column header over 1,000 one-word rows: a million padded cells (a 2,000-column one
    /// took 62 s and 1.09 GB).
    @Test("a table row of more than 500 cells is refused")
    func markdownTableRowTooWide() throws {
        let page = "# Wide\n\n|" + String(repeating: "x|", count: 1_000) + "\n|" + String(repeating: "-|", count: 1_000) + "\n"
            + String(repeating: "a\n", count: 1_000)
        try expectMarkdownRefusal("wide-table", page: page, stderr: """
            content/index.md:3:1001: error[RG0703]: line has too many '|' (table cells) to parse; the limit is 500 per line
            hint: put data this wide in a CSV file and show it with a ```table block, or escape literal pipes as \\|; to allow more, raise 'max_table_columns' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
    }

    /// 400 columns (under the row limit) padded over 1,000 rows inside a block quote.
    @Test("a table of more than 250,000 cells is refused")
    func markdownTableTooLarge() throws {
        let page = "# Padded\n\nText.\n\n> |" + String(repeating: "x|", count: 400) + "\n> |" + String(repeating: "-|", count: 400) + "\n"
            + String(repeating: "> a\n", count: 1_000)
        try expectMarkdownRefusal("padded-table", page: page, stderr: """
            content/index.md:5:1: error[RG0703]: table is too large to parse: 400 columns and 626 rows make 250400 cells; the limit is 250000
            hint: split the table, or put its data in a CSV file and show it with a ```table block; to allow more, raise 'max_table_cells' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
    }

    /// `![[]()` 50,000 times took over two minutes: each link walks back over every open `![`.
    @Test("links inside many unclosed image brackets are refused")
    func markdownOpenImageBrackets() throws {
        try expectMarkdownRefusal("image-brackets", page: "# Brackets\n\n" + String(repeating: "![[]()", count: 50_000) + "\n", stderr: """
            content/index.md:3:604: error[RG0703]: paragraph has too many open image brackets to parse: a link inside 101 unclosed '!['; the limit is 100
            hint: close the image brackets, escape them as !\\[, or break the paragraph with a blank line; to allow more, raise 'max_open_image_brackets' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
    }

    /// The e-mail autolinker goes over the rest of a line at each `@` after a letter.
    @Test("a line of many e-mail-like '@' is refused")
    func markdownLineAtSigns() throws {
        try expectMarkdownRefusal("at-signs", page: "# At\n\n" + String(repeating: "a@", count: 100_000) + "\n", stderr: """
            content/index.md:3:402: error[RG0703]: line has too many e-mail-like '@' (after a letter or digit) to parse; the limit is 200 per line
            hint: break the line, or put a space before each '@' that starts no address; to allow more, raise 'max_line_at_signs' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
    }

    @Test("block quotes nested more than 1,000 deep are refused")
    func markdownNestingTooDeep() throws {
        try expectMarkdownRefusal("deep-quotes", page: "# Deep\n\n" + String(repeating: "> ", count: 1_001) + "a\n", stderr: """
            content/index.md:3:2003: error[RG0703]: nesting is too deep to parse: block quotes and lists 1001 levels deep; the limit is 1000
            hint: flatten the nesting; to allow more, raise 'max_nesting_depth' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
    }

    /// Emphasis nested 20,000 deep, its text holding `@`: 38 s before cross-references stopped
    /// walking up from every text node to look for a link.
    @Test("text deep inside emphasis builds in bounded time")
    func markdownDeepEmphasis() throws {
        let page = "# Deep\n\n" + String(repeating: "*a @b **a @b ", count: 20_000) + "b" + String(repeating: " a** a*", count: 20_000) + "\n"
        let (run, elapsed, _, _) = try buildGenerated("deep-emphasis") { content in
            try Data(page.utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(elapsed < .seconds(20))
    }

    /// The limits are options: raised, the padded table builds.
    @Test("a raised max_table_cells lets the table build")
    func markdownRaisedLimit() throws {
        let (run, _, _, after) = try buildGenerated("raised") { content in
            try Data("options:\n  max_table_cells: 500000\n".utf8).write(to: content.appendingPathComponent("site.yml"))
            let page = "# Padded\n\n|" + String(repeating: "x|", count: 400) + "\n|" + String(repeating: "-|", count: 400) + "\n"
                + String(repeating: "a\n", count: 700)
            try Data(page.utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(after.files["index.html"] != nil)
    }
}
