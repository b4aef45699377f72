/// A JSON value with its object keys in the order they were given, written deterministically
/// (the same value always gives the same bytes). Strings are written with `jsonStringLiteral`,
/// which escapes `<`, `>` and `&`, so the text can sit inside a `<script>` element: no title can
/// close the element and run as HTML.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case number(Double, decimals: Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An object without its `nil` members.
    public static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The value as JSON text, indented by two spaces per level.
    public func text(indent: String = "") -> String {
        switch self {
        case let .string(string): return string.jsonStringLiteral
        case let .number(value, decimals): return decimals == 0 && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case let .bool(flag): return flag ? "true" : "false"
        case let .array(elements):
            if elements.isEmpty { return "[]" }
            let inner = indent + "  "
            return "[\n" + elements.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(members):
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { "\(inner)\($0.0.jsonStringLiteral): \($0.1.text(indent: inner))" }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }
    public func hash(into hasher: inout Hasher) { hasher.combine(text()) }
}
