import Foundation

/// Checks a page's Markdown against `MarkdownLimits` before cmark-gfm parses it: one pass over the
/// bytes, line by line, outside fenced code blocks (which cmark-gfm does not parse further).
///
/// The measures are cheap over-estimates of what the parser will meet: table rows are counted up to
/// the next blank line, the nesting of a line from its `>`, list markers and indentation, open
/// brackets across a whole paragraph. The limits are far enough above real pages for that not to
/// matter.
enum MarkdownComplexity {
    /// The first limit `markdown` exceeds, as an error at its place; `nil` when it keeps them all.
    /// `firstLine` is the line of `file` the Markdown starts on (after any front matter).
    static func check(_ markdown: String, file: String, firstLine: Int, limits: MarkdownLimits) -> Diagnostic? {
        var text = markdown
        let problem = text.withUTF8 { bytes in
            var scan = Scan(limits: limits)
            return scan.run(bytes)
        }
        return problem.map { problem in
            .error(.markdownTooComplex, problem.message, at: SourceLocation(file: file, line: firstLine + problem.line, column: problem.column),
                   hint: "\(problem.remedy); to allow more, raise '\(problem.option)' under options in site.yml")
        }
    }

    /// A limit exceeded: where (line counted from 0 in the Markdown, column from 1, in bytes) and why.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
        var remedy: String
        var option: String
    }

    /// The state of the pass.
    struct Scan {
        let limits: MarkdownLimits
        /// The open fenced code block: its character and length.
        var fence: (byte: UInt8, length: Int)?
        /// The `[` open in the current paragraph, `true` for an image's `![`, and how many are images.
        var brackets: [Bool] = []
        var openImages = 0
        /// The table being counted: its header line, columns and rows so far.
        var table: (line: Int, columns: Int, rows: Int)?
        var previousLineHasText = false

        init(limits: MarkdownLimits) {
            self.limits = limits
        }

        /// Whether the per-byte checks of `checkInlines` run: only when the page holds more `|`,
        /// `@` or `!` than one line may (most pages hold far fewer, and the checks cost a pass
        /// over every byte).
        var checksInlines = true

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
            checksInlines = Self.mayExceedInlineLimits(bytes, limits)
            var line = 0
            var start = 0
            guard let base = bytes.baseAddress else { return nil }
            while start < bytes.count {
                let end = Self.lineEnd(base, from: start, count: bytes.count)
                var contentEnd = end
                if contentEnd > start && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                if let problem = check(line: line, bytes, start, contentEnd) { return problem }
                line += 1
                start = end + 1
            }
            return nil
        }

        /// One line: `bytes[start..<end]` without its line break.
        mutating func check(line: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Problem? {
            // The container prefix: indentation, `>` and list markers.
            var index = start
            var depth = 0
            var leading = true
            var columns = 0
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    if leading { columns += byte == UInt8(ascii: "\t") ? 4 : 1 }
                    index += 1
                } else if byte == UInt8(ascii: ">") {
                    depth += 1
                    index += 1
                } else if let width = Self.listMarkerWidth(bytes, index, end) {
                    depth += 1
                    index += width
                } else {
                    break
                }
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { leading = false }
            }
            let content = index
            if fence == nil {
                depth += columns / 2
                if depth > limits.nestingDepth {
                    return Problem(line: line, column: content - start + 1,
                                   message: "nesting is too deep to parse: block quotes and lists \(depth) levels deep; the limit is \(limits.nestingDepth)",
                                   remedy: "flatten the nesting", option: "max_nesting_depth")
                }
            }
            if let fenceLength = Self.fenceLength(bytes, content, end) {
                let byte = bytes[content]
                if let open = fence {
                    if byte == open.byte && fenceLength >= open.length && Self.isBlank(bytes, content + fenceLength, end) { fence = nil }
                    return nil
                }
                // A backtick fence's info string holds no backtick (else it is inline code).
                if byte == UInt8(ascii: "~") || !(content + fenceLength..<end).contains(where: { bytes[$0] == UInt8(ascii: "`") }) {
                    fence = (byte, fenceLength)
                    endParagraph()
                    return nil
                }
            }
            if fence != nil { return nil }
            if content == end {
                endParagraph()
                return nil
            }
            if checksInlines, let problem = checkInlines(line: line, bytes, start, content, end) { return problem }
            if let problem = checkTable(line: line, bytes, content, end) { return problem }
            previousLineHasText = true
            return nil
        }

        mutating func endParagraph() {
            brackets.removeAll(keepingCapacity: true)
            openImages = 0
            table = nil
            previousLineHasText = false
        }

        /// The cells of the table the line may belong to.
        mutating func checkTable(line: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ content: Int, _ end: Int) -> Problem? {
            if var counted = table {
                counted.rows += 1
                table = counted
            } else if previousLineHasText, let columns = Self.delimiterRowCells(bytes, content, end) {
                table = (line - 1, columns, 0)
            }
            if let table, table.columns * (table.rows + 1) > limits.tableCells {
                let cells = table.columns * (table.rows + 1)
                return Problem(line: table.line, column: 1,
                               message: "table is too large to parse: \(Self.count(table.columns, "column")) and \(Self.count(table.rows + 1, "row")) make \(cells) cells; the limit is \(limits.tableCells)",
                               remedy: "split the table, or put its data in a CSV file and show it with a ```table block",
                               option: "max_table_cells")
            }
            return nil
        }

        /// `|` and e-mail-like `@` in the line, and image brackets open where a link closes.
        mutating func checkInlines(line: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ content: Int, _ end: Int) -> Problem? {
            var pipes = 0
            var atSigns = 0
            var index = content
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "|") {
                    pipes += 1
                    if pipes > limits.tableColumns {
                        return Problem(line: line, column: index - start + 1,
                                       message: "line has too many '|' (table cells) to parse; the limit is \(limits.tableColumns) per line",
                                       remedy: "put data this wide in a CSV file and show it with a ```table block, or escape literal pipes as \\|",
                                       option: "max_table_columns")
                    }
                } else if byte == UInt8(ascii: "[") {
                    let isImage = index > content && bytes[index - 1] == UInt8(ascii: "!")
                    brackets.append(isImage)
                    if isImage { openImages += 1 }
                } else if byte == UInt8(ascii: "]"), let isImage = brackets.popLast() {
                    if isImage {
                        openImages -= 1
                    } else if openImages > limits.openImageBrackets && index + 1 < end && bytes[index + 1] == UInt8(ascii: "(") {
                        return Problem(line: line, column: index - start + 1,
                                       message: "paragraph has too many open image brackets to parse: a link inside \(openImages) unclosed '!['; the limit is \(limits.openImageBrackets)",
                                       remedy: "close the image brackets, escape them as !\\[, or break the paragraph with a blank line",
                                       option: "max_open_image_brackets")
                    }
                } else if byte == UInt8(ascii: "@") && index > content && Self.isEmailByte(bytes[index - 1]) {
                    atSigns += 1
                    if atSigns > limits.lineAtSigns {
                        return Problem(line: line, column: index - start + 1,
                                       message: "line has too many e-mail-like '@' (after a letter or digit) to parse; the limit is \(limits.lineAtSigns) per line",
                                       remedy: "break the line, or put a space before each '@' that starts no address",
                                       option: "max_line_at_signs")
                    }
                }
                index += 1
            }
            return nil
        }

        /// The index of the first line feed at or after `start`, or `count` (searched with `memchr`).
        static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
            guard let found = memchr(base + start, 0x0A, count - start) else { return count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        /// Whether a page with these bytes could break a limit `checkInlines` checks: more `|` in the
        /// whole page than a line may hold, more `@`, or more `!` than image brackets may be open.
        /// Counting over-estimates (escaped characters count too), so `false` is certain.
        static func mayExceedInlineLimits(_ bytes: UnsafeBufferPointer<UInt8>, _ limits: MarkdownLimits) -> Bool {
            var pipes = 0
            var atSigns = 0
            var bangs = 0
            for byte in bytes {
                pipes &+= byte == UInt8(ascii: "|") ? 1 : 0
                atSigns &+= byte == UInt8(ascii: "@") ? 1 : 0
                bangs &+= byte == UInt8(ascii: "!") ? 1 : 0
            }
            return pipes > limits.tableColumns || atSigns > limits.lineAtSigns || bangs > limits.openImageBrackets
        }

        /// The width of a list marker with its space (`- `, `* `, `+ `, `1. `, `1) `) at `index`.
        static func listMarkerWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            var next = index
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                next += 1
            } else {
                while next < end && next - index < 9 && bytes[next] >= UInt8(ascii: "0") && bytes[next] <= UInt8(ascii: "9") { next += 1 }
                guard next > index, next < end, bytes[next] == UInt8(ascii: ".") || bytes[next] == UInt8(ascii: ")") else { return nil }
                next += 1
            }
            guard next < end, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") else { return nil }
            return next + 1 - index
        }

        /// The length of a run of three or more backticks or tildes at `index`.
        static func fenceLength(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            guard index < end, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
            var next = index
            while next < end && bytes[next] == bytes[index] { next += 1 }
            return next - index >= 3 ? next - index : nil
        }

        /// The cells of a table delimiter row (`| --- | :-: |`), or `nil` when the line is not one.
        static func delimiterRowCells(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
            var cells = 0
            var cellHasDash = false
            var sawPipe = false
            for position in index..<end {
                switch bytes[position] {
                case UInt8(ascii: "-"):
                    cellHasDash = true
                case UInt8(ascii: "|"):
                    sawPipe = true
                    if cellHasDash { cells += 1 }
                    cellHasDash = false
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                    continue
                default:
                    return nil
                }
            }
            if cellHasDash { cells += 1 }
            return cells > 0 && (sawPipe || cells == 1) ? cells : nil
        }

        static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
            (index..<end).allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") }
        }

        /// "1 column", "2 columns".
        static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }

        /// A byte that may end the local part of an e-mail address.
        static func isEmailByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
