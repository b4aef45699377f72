import Foundation
import Mustache

/// A theme: Mustache templates (`templates/*.mustache`), static assets (`assets/`) and the
/// interface strings of `theme.yml`, from a folder (read at build time, so editing HTML needs no
/// recompiling) or built into reportgen (`ThemeFiles.builtIn`).
public struct Theme: Sendable {
    /// Where the theme's files are read (its folder, or the built-in theme).
    public var files: ThemeFiles
    public var templates: MustacheLibrary
    /// The text of each template, by name (what `SkeletonRenderer` checks before it caches layouts).
    public var templateTexts: [String: String]
    /// Interface strings ("contents", "download_data", ...): `theme.yml`'s `strings` over the
    /// built-in English ones.
    public var strings: InterfaceStrings {
        didSet { stringsValue = Self.sharedValue(of: strings) }
    }
    /// `strings` as templates see them (`{{strings.NAME}}`), made once and shared by every page's
    /// context: the fast layout path (`SkeletonRenderer`) walks its hundred-odd strings once, not
    /// on every page.
    public private(set) var stringsValue: TemplateValue
    /// Asset files, relative to `assets/`, sorted.
    public var assets: [String]
    /// The light scheme's chart colours of `assets/style.css`, for charts exported alone (`ChartSVGExport`).
    public var chartColours: ChartColours

    public init(files: ThemeFiles, templates: MustacheLibrary, templateTexts: [String: String], strings: InterfaceStrings, assets: [String],
                chartColours: ChartColours = ChartColours()) {
        self.files = files
        self.templates = templates
        self.templateTexts = templateTexts
        self.strings = strings
        stringsValue = Self.sharedValue(of: strings)
        self.assets = assets
        self.chartColours = chartColours
    }

    static func sharedValue(of strings: InterfaceStrings) -> TemplateValue {
        .shared(SharedTemplateValue(.strings(strings.table)))
    }

    /// The templates every theme must provide.
    public static let requiredTemplates = ["page"]

    /// The English interface strings: those of the built-in theme's `theme.yml` (`themes/default/theme.yml`),
    /// used for any key another theme's `theme.yml` leaves out.
    public static let defaultStrings: [String: String] = (try? interfaceStrings(in: .builtIn, displayPath: "themes/default")) ?? [:]

    public static func load(from root: URL, displayPath: String) throws(DiagnosticList) -> Theme {
        try load(.folder(root), displayPath: displayPath)
    }

    public static func load(_ files: ThemeFiles, displayPath: String) throws(DiagnosticList) -> Theme {
        guard files.hasFolder("templates") else {
            throw DiagnosticList(.error(.themeNotFound, "theme '\(displayPath)' has no templates folder",
                                        hint: "a theme needs \(displayPath)/templates/page.mustache; set site.yml's 'theme' to such a folder (relative to the content folder) or remove it to use the built-in theme, which 'reportgen theme export DIR' writes out to start from"))
        }
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        var problems: [Diagnostic] = []
        let names = files.names(in: "templates").filter { $0.hasSuffix(".mustache") }
        for name in names {
            let display = "\(displayPath)/templates/\(name)"
            do {
                let text = try files.text("templates/" + name, display: display)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
                texts[String(name.dropLast(".mustache".count))] = text
            } catch let error as MustacheLibrary.ParserError {
                problems.append(.error(.templateError, "template error: \(error.error)", at: SourceLocation(file: display, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error(.templateError, "template error: \(error.error)", at: SourceLocation(file: display, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                problems += DiagnosticList(wrapping: error, code: .templateError, at: SourceLocation(file: display)).diagnostics
            }
        }
        for required in requiredTemplates where library.getTemplate(named: required) == nil && problems.isEmpty {
            problems.append(.error(.missingTemplate, "theme '\(displayPath)' has no '\(required).mustache' template", hint: "'reportgen theme export DIR' writes the built-in theme's templates to copy it from"))
        }
        var strings = defaultStrings
        do throws(DiagnosticList) {
            strings.merge(try Self.interfaceStrings(in: files, displayPath: displayPath)) { _, own in own }
        } catch {
            problems += error.diagnostics
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var theme = Theme(files: files, templates: library, templateTexts: texts, strings: InterfaceStrings(strings), assets: files.files(under: "assets"))
        if let css = files.data("assets/style.css").flatMap({ String(data: $0, encoding: .utf8) }) { theme.chartColours = ChartColours(styleSheet: css) }
        return theme
    }

    /// The `strings` table of the theme's `theme.yml` (empty without one).
    static func interfaceStrings(in files: ThemeFiles, displayPath: String) throws(DiagnosticList) -> [String: String] {
        guard files.hasFile("theme.yml") else { return [:] }
        let display = "\(displayPath)/theme.yml"
        let mapping = try YAMLMapping.parse(try files.text("theme.yml", display: display), file: display, firstLine: 1, what: "theme.yml")
        guard let node = mapping["strings"] else { return [:] }
        let table = try mapping.nested(node, key: "strings")
        var strings: [String: String] = [:]
        for (key, value) in table.entries { strings[key] = try table.string(value, key: key) }
        return strings
    }

    /// Renders `template` with `context`.
    public func render(_ template: String, _ context: some TemplateContext) -> String {
        templates.render(context.templateValue.mustacheValue, withTemplate: template) ?? ""
    }
}
