/// A value a template sees: a string to print, a flag or number a section tests, a list a
/// section repeats, or a mapping of named values. Contexts are built as typed values
/// (`PageTemplateContext`) and turned into this one form in one place, so a template never
/// meets a value the fast layout path (`SkeletonRenderer`) cannot reproduce.
public enum TemplateValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case map([String: TemplateValue])
    /// A value that every page's context holds unchanged (a language's interface strings), made
    /// once: the fast layout path walks it once, not on every page.
    case shared(SharedTemplateValue)

    /// A mapping of strings (e.g. the theme's interface strings).
    public static func strings(_ strings: [String: String]) -> TemplateValue {
        .map(strings.mapValues { .string($0) })
    }

    /// A mapping without its empty strings, so that `{{#key}}` sections skip them.
    public static func nonEmptyStrings(_ strings: [String: String]) -> TemplateValue {
        .map(strings.filter { !$0.value.isEmpty }.mapValues { .string($0) })
    }

    /// The value as swift-mustache reads it (strings, booleans, integers, arrays, dictionaries).
    public var mustacheValue: Any {
        switch self {
        case let .string(string): string
        case let .bool(flag): flag
        case let .int(number): number
        case let .list(elements): elements.map(\.mustacheValue)
        case let .map(entries): entries.mapValues(\.mustacheValue)
        case let .shared(shared): shared.value.mustacheValue
        }
    }
}

/// One `TemplateValue` shared by many contexts, with what `SkeletonRenderer` needs of it worked
/// out once (`ShapeWalk`): its shape and its strings in walking order. Compared and hashed as
/// its value.
public final class SharedTemplateValue: Sendable, Hashable {
    public let value: TemplateValue
    /// The value's walk (`nil` when a string holds the placeholder characters: then the page
    /// renders directly, as it would without sharing).
    let walk: (shape: [UInt8], strings: [String], endsWithLineBreak: [Bool])?

    public init(_ value: TemplateValue) {
        self.value = value
        var walk = ShapeWalk(buildsPlaceholders: false)
        self.walk = walk.value(value) == nil ? nil : (walk.shape, walk.strings, walk.endsWithLineBreak)
    }

    public static func == (a: SharedTemplateValue, b: SharedTemplateValue) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A typed template context: names its keys once, in `templateValue`.
public protocol TemplateContext: Sendable {
    /// The context as the template sees it.
    var templateValue: TemplateValue { get }
}
