import CcmarkGFM
import Foundation

/// Runs the inline pass of cmark-gfm's parse (`cmark_parser_finish`) one document at a time in
/// the process; block parsing (`cmark_parser_feed`) stays parallel.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 keeps the inline parser's special-character tables
/// (`SPECIAL_CHARS`, `SKIP_CHARS` in `src/inlines.c`) as process-wide arrays. `process_inlines`
/// (`src/blocks.c`, called by `cmark_parser_finish`) adds the extensions' trigger characters (`~`
/// for strikethrough, `:` and `w` for autolinks) to them before the inline pass and removes them
/// after it, so a page finishing its parse while another was in its inline pass made the other
/// lose its strikethrough and autolinks (upstream: github/cmark-gfm PR #176, "Made cmark
/// re-entrant by storing special chars data per parser object"). Registering the characters once
/// is not enough: each finish removes them at its end.
///
/// Feeding parses blocks only: it reads neither table (they are read by `subject_find_special_char`
/// and `scan_delims`, both of the inline pass), nor does the table extension touch them when it
/// splits rows during feeding (`extensions/table.c`). So only `finish` runs under the lock, and
/// everything else about a page (block parsing, walking the tree, directives, rendering HTML,
/// layout, writing) stays parallel. `ParallelParsingTests` fails when the inline pass is not
/// serialised.
enum CmarkParseLock {
    /// The one lock for the process; it guards cmark-gfm's globals, not a value of ours.
    private static let lock = NSLock()

    /// Feeds `markdown` to `parser` and finishes it; the document, or `nil` when cmark-gfm fails.
    static func parse(_ markdown: String, with parser: OpaquePointer) -> OpaquePointer? {
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        return lock.withLock { cmark_parser_finish(parser) }
    }
}
