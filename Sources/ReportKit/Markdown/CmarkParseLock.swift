import CcmarkGFM
import Foundation

/// Runs cmark-gfm's parse (feed and finish) one document at a time in the process.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 keeps the inline parser's special-character tables
/// (`SPECIAL_CHARS`, `SKIP_CHARS` in `inlines.c`) as process-wide arrays. Every parse adds its
/// extensions' trigger characters (`~` for strikethrough, `:` and `w` for autolinks, `|` for
/// tables) to them and removes them again: `process_inlines` does so around the inline pass of
/// `cmark_parser_finish`, and the table extension's `row_from_string` around each table row it
/// parses while the document is fed. A page finishing its parse while another is mid-parse
/// therefore made the other lose its strikethrough and autolinks (upstream: github/cmark-gfm
/// PR #176, "Made cmark re-entrant by storing special chars data per parser object").
///
/// Registering the characters once is not enough (each parse still removes them at its end),
/// so the two calls that touch the tables run under one lock. Everything else about a page
/// (walking the tree, directives, rendering HTML, layout, writing) stays parallel; the
/// tree walk and HTML rendering read no shared tables.
enum CmarkParseLock {
    /// The one lock for the process; it guards cmark-gfm's globals, not a value of ours.
    private static let lock = NSLock()

    /// Feeds `markdown` to `parser` and finishes it; the document, or `nil` when cmark-gfm fails.
    static func parse(_ markdown: String, with parser: OpaquePointer) -> OpaquePointer? {
        var source = markdown
        return source.withUTF8 { bytes in
            lock.withLock {
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
                return cmark_parser_finish(parser)
            }
        }
    }
}
