/// Limits on the Markdown shapes that cmark-gfm 0.29.0.gfm.6 (Debian's) parses in time or memory
/// growing with a square: a 12 KB page holding a table of 2,000 columns and 2,000 one-word rows took
/// 62 s and 1.09 GB; `![[]()` repeated 50,000 times took over two minutes; a 100 KB line of `a@`
/// takes seconds. `MarkdownComplexity` checks them in one pass over the bytes before the parser
/// sees the page. Within the limits a page costs at most a few seconds per megabyte.
///
/// Each is set in `site.yml` under `options:`; the defaults are far above any page written by hand.
public struct MarkdownLimits: Sendable, Hashable {
    /// Columns × rows of one table (`max_table_cells`): cmark-gfm pads every row to the header's width.
    public var tableCells = 250_000
    /// `|` in one line (`max_table_columns`): a table row or delimiter row is split in time growing
    /// with the square of its cells, even when it turns out not to be a table.
    public var tableColumns = 500
    /// Block quotes and list items inside each other (`max_nesting_depth`). cmark-gfm copes, but no
    /// document nests this deep, and browsers stop nesting elements at 512.
    public var nestingDepth = 1_000
    /// Image openers `![` still open where a link closes, in one paragraph
    /// (`max_open_image_brackets`): each link walks back over all of them.
    public var openImageBrackets = 100
    /// `@` after a letter or digit in one line (`max_line_at_signs`): the e-mail autolinker goes over
    /// the rest of the line at each.
    public var lineAtSigns = 200

    public init() {}

    /// The `site.yml` option names, in the order the README lists them.
    static let optionNames = ["max_table_cells", "max_table_columns", "max_nesting_depth", "max_open_image_brackets",
                             "max_line_at_signs"]

    /// Sets the limit named `option` (one of `optionNames`); returns whether the name is one.
    mutating func set(_ option: String, to value: Int) -> Bool {
        switch option {
        case "max_table_cells": tableCells = value
        case "max_table_columns": tableColumns = value
        case "max_nesting_depth": nestingDepth = value
        case "max_open_image_brackets": openImageBrackets = value
        case "max_line_at_signs": lineAtSigns = value
        default: return false
        }
        return true
    }
}
