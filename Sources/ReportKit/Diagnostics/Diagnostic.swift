/// A problem found in the user's input, shared by every stage of the pipeline.
///
/// Printed as `file:line:column: error: message` followed by an optional
/// `hint: ...` line telling the user what to do about it. Control characters in any part (a file
/// name, a quoted value) are printed as escapes (`PrintableText`), so a message is always the
/// lines it looks like.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// A warning at `location`: reported, but the build goes on.
    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// The same problem as an error (`--strict` makes warnings errors).
    public var asError: Diagnostic { Diagnostic(.error, message, at: location, hint: hint) }

    public var description: String {
        var text = ""
        if let location { text += PrintableText.escaped(location.description) + ": " }
        text += "\(severity.rawValue): \(PrintableText.escaped(message))"
        if let hint { text += "\nhint: \(PrintableText.escaped(hint))" }
        return text
    }
}

/// One or more diagnostics thrown together, so a stage can report every problem it found at once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The same diagnostics with every warning made an error (`--strict`).
    public var strict: DiagnosticList {
        DiagnosticList(diagnostics.map(\.asError))
    }

    /// Diagnostics in file order, errors before warnings at the same place.
    public var sorted: [Diagnostic] {
        diagnostics.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if la != lb { return la < lb }
            return a.message < b.message
        }
    }

    public var description: String { sorted.map(\.description).joined(separator: "\n") }
}

extension DiagnosticList {
    /// Wraps any error thrown by a stage: diagnostics pass through, anything else becomes one
    /// diagnostic (never a crash or a stack trace).
    public init(wrapping error: any Error, at location: SourceLocation? = nil) {
        if let list = error as? DiagnosticList {
            self = list
        } else if let diagnostic = error as? Diagnostic {
            self.init(diagnostic)
        } else {
            self.init(Diagnostic.error("\(error)", at: location))
        }
    }
}
