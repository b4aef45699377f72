/// A problem found in the user's input, shared by every stage of the pipeline.
///
/// Printed as `file:line:column: error[RG0201]: message` followed by an optional
/// `hint: ...` line telling the user what to do about it. Every diagnostic has a
/// `DiagnosticCode` naming its kind (see `DiagnosticCode.swift`). Control characters in any part
/// (a file name, a quoted value) are printed as escapes (`PrintableText`), so a message is always
/// the lines it looks like.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// The kind of problem, stable across versions (`RG0201 unknown-column`).
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error of kind `code` at `location`.
    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    /// A warning of kind `code` at `location`: reported, but the build goes on.
    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    /// The same problem as an error (`--strict` makes warnings errors).
    public var asError: Diagnostic { Diagnostic(.error, code, message, at: location, hint: hint) }

    /// `file:line:column: error[RG0201]: message`, then `hint: ...` on a line of its own.
    public var description: String {
        var text = ""
        if let location { text += PrintableText.escaped(location.description) + ": " }
        text += "\(severity.rawValue)[\(code)]: \(PrintableText.escaped(message))"
        if let hint { text += "\nhint: \(PrintableText.escaped(hint))" }
        return text
    }

    /// What makes two diagnostics the same problem, reported once: the same kind (`code`) at
    /// the same place, saying the same thing. The code and the place alone are not enough: one
    /// spec missing two keys gives two `missing-spec-key` errors at the same line, and both must
    /// be shown. Severity and hint are left out: the same problem found by two steps with
    /// different hints is still one problem.
    public struct Identity: Hashable, Sendable {
        public var code: DiagnosticCode
        public var location: SourceLocation?
        public var message: String
    }

    /// This diagnostic's `Identity`.
    public var identity: Identity { Identity(code: code, location: location, message: message) }
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
            if a.message != b.message { return a.message < b.message }
            return a.code < b.code
        }
    }

    /// The diagnostics with each problem kept once (see `Diagnostic.Identity`), in their order;
    /// when the same problem comes as a warning and as an error, the error is kept.
    public var deduplicated: DiagnosticList {
        var kept: [Diagnostic] = []
        var index: [Diagnostic.Identity: Int] = [:]
        for diagnostic in diagnostics {
            if let at = index[diagnostic.identity] {
                if diagnostic.severity == .error { kept[at].severity = .error }
            } else {
                index[diagnostic.identity] = kept.count
                kept.append(diagnostic)
            }
        }
        return DiagnosticList(kept)
    }

    public var description: String { sorted.map(\.description).joined(separator: "\n") }
}

extension DiagnosticList {
    /// Wraps any error thrown by a stage: diagnostics pass through, anything else becomes one
    /// diagnostic of kind `code` (never a crash or a stack trace).
    public init(wrapping error: any Error, code: DiagnosticCode = .internalError, at location: SourceLocation? = nil) {
        if let list = error as? DiagnosticList {
            self = list
        } else if let diagnostic = error as? Diagnostic {
            self.init(diagnostic)
        } else {
            self.init(Diagnostic.error(code, "\(error)", at: location))
        }
    }
}
