/// A place in a source file, printed compiler-style as `file:line:column`.
///
/// `file` is the path as the user should see it (for example `content/modes.md`);
/// `line` and `column` count from 1. A column of 0 means "the whole line".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into a jump target.
    public var description: String { "\(file):\(line):\(max(column, 1))" }

    /// The location `lines` lines further down the same file, at `column`.
    public func offset(lines: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
