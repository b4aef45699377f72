import Foundation
import Mustache

/// A theme folder: Mustache templates (`templates/*.mustache`), static assets (`assets/`) and the
/// interface strings of `theme.yml`. Templates are read at build time, so editing HTML needs no
/// recompiling.
public struct Theme: Sendable {
    public var root: URL
    public var templates: MustacheLibrary
    /// The text of each template, by name (what `SkeletonRenderer` checks before it caches layouts).
    public var templateTexts: [String: String]
    /// Interface strings ("contents", "download_data", ...): `theme.yml`'s `strings` over the
    /// built-in English ones.
    public var strings: InterfaceStrings
    /// Asset files, relative to `assets/`, sorted.
    public var assets: [String]

    /// The templates every theme must provide.
    public static let requiredTemplates = ["page"]

    public static func load(from root: URL, displayPath: String) throws(DiagnosticList) -> Theme {
        let fileManager = FileManager.default
        let templatesFolder = root.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: templatesFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList(.error(.themeNotFound, "theme '\(displayPath)' has no templates folder",
                                        hint: "a theme needs \(displayPath)/templates/page.mustache; pass --theme DIR or set 'theme' in site.yml"))
        }
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        var problems: [Diagnostic] = []
        let names = ((try? fileManager.contentsOfDirectory(atPath: templatesFolder.path)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let display = "\(displayPath)/templates/\(name)"
            do {
                let text = try SourceText.read(templatesFolder.appendingPathComponent(name), displayPath: display)
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
            problems.append(.error(.missingTemplate, "theme '\(displayPath)' has no '\(required).mustache' template", hint: "copy it from themes/default/templates/"))
        }
        var overrides: [String: String] = [:]
        let stringsFile = root.appendingPathComponent("theme.yml")
        if fileManager.fileExists(atPath: stringsFile.path) {
            do throws(DiagnosticList) {
                let display = "\(displayPath)/theme.yml"
                let mapping = try YAMLMapping.parse(try SourceText.read(stringsFile, displayPath: display), file: display, firstLine: 1, what: "theme.yml")
                if let node = mapping["strings"] {
                    let table = try mapping.nested(node, key: "strings")
                    for (key, value) in table.entries { overrides[key] = try table.string(value, key: key) }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return Theme(root: root, templates: library, templateTexts: texts, strings: InterfaceStrings(overriding: overrides), assets: listAssets(root.appendingPathComponent("assets")))
    }

    static func listAssets(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { files.append(relative) }
        }
        return files.sorted()
    }

    /// Renders `template` with `context`.
    public func render(_ template: String, _ context: some TemplateContext) -> String {
        templates.render(context.templateValue.mustacheValue, withTemplate: template) ?? ""
    }
}
