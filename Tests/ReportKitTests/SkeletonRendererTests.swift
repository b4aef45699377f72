import Foundation
import Mustache
import Testing
@testable import ReportKit

/// `SkeletonRenderer` must give exactly what swift-mustache gives: every test renders both ways.
struct SkeletonRendererTests {
    static func theme(_ templates: [String: String]) throws -> Theme {
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        return Theme(files: .folder(URL(fileURLWithPath: "/nonexistent")), templates: library, templateTexts: templates, strings: .english, assets: [])
    }

    static let page = """
    <title>{{title}}</title>{{{body}}}{{&raw}}
    {{#flag}}yes {{title}}{{/flag}}{{^flag}}no{{/flag}}
    <ul>{{#list}}<li class="{{#-first}}first{{/-first}}">{{name}} / {{title}}{{#sub}}[{{.}}]{{/sub}}</li>{{/list}}</ul>
    {{#maybe}}has {{maybe}}{{/maybe}}{{^maybe}}empty{{/maybe}} {{strings.next}} {{count}}
    {{#obj}}{{obj.a}} {{a}} {{title}}{{/obj}}
      {{> part}}
    end
    """
    static let part = "part {{title}}\n{{{body}}}{{nl}}after {{lines}}\n"

    static func context(title: String, body: String, flag: Bool, names: [String], maybe: String, nl: String = "\n", lines: String = "a\nb\n") -> TemplateValue {
        .map([
            "title": .string(title), "body": .string(body), "raw": .string("<raw & \"x\">"), "flag": .bool(flag), "maybe": .string(maybe),
            "count": .int(3), "nl": .string(nl), "lines": .string(lines),
            "list": .list(names.map { .map(["name": .string($0), "sub": .list([.string($0), .string("x")])]) }),
            "strings": .strings(["next": "Next ›", "previous": "‹ Prev"]), "obj": .map(["a": .string("A&B")]),
        ])
    }

    /// What swift-mustache itself renders.
    static func direct(_ theme: Theme, _ value: TemplateValue) -> String? {
        theme.templates.render(value.mustacheValue, withTemplate: "page")
    }

    @Test func sameOutputAsMustacheForEveryShape() throws {
        let theme = try Self.theme(["page": Self.page, "part": Self.part])
        let renderer = SkeletonRenderer(theme: theme, template: "page")
        #expect(renderer.usesSkeletons)
        let contexts = [
            Self.context(title: "One <b>&</b> 'q' \"d\"", body: "<p>Body</p>\n", flag: true, names: ["a", "b"], maybe: "m"),
            Self.context(title: "Two", body: "<p>Other body</p>\n", flag: true, names: ["c", "d"], maybe: "n"),  // same shape as the first
            Self.context(title: "中文 &\u{301} e\u{301}", body: "no newline", flag: false, names: [], maybe: ""),
            Self.context(title: "", body: "", flag: false, names: ["only"], maybe: "", nl: "\r\n", lines: "\n"),
            Self.context(title: "Tail\n", body: "x\r\n", flag: true, names: ["&", "<"], maybe: "'", nl: "", lines: "end"),
        ]
        for context in contexts {
            let expected = Self.direct(theme, context) ?? ""
            #expect(renderer.render(context) == expected)
            #expect(renderer.render(context) == expected)  // again, from the cached skeleton
        }
        #expect(renderer.shapeCount == 4)
    }

    /// A value shared by many contexts (a language's interface strings) is walked once, when it
    /// is made: a page holding it renders as one holding the same plain mapping, from one skeleton.
    @Test func sharedValuesRenderAsTheirValue() throws {
        let theme = try Self.theme(["page": "{{title}}|{{strings.next}}|{{strings.previous}}|{{#strings.empty}}x{{/strings.empty}}{{strings.long_key_b}}{{strings.long_key_a}}"])
        let renderer = SkeletonRenderer(theme: theme, template: "page")
        // Keys that agree in their first eight bytes, or are a prefix of another: ordered by all their bytes.
        let strings = ["next": "Next ›", "previous": "‹ <Prev>", "empty": "", "long_key_b": "B", "long_key_a": "A", "long_key": "k"]
        let plain = TemplateValue.map(["title": .string("T"), "strings": .strings(strings)])
        let shared = TemplateValue.map(["title": .string("U"), "strings": .shared(SharedTemplateValue(.strings(strings)))])
        for context in [shared, plain, shared] {
            #expect(renderer.render(context) == Self.direct(theme, context))
        }
        #expect(renderer.render(shared) == "U|Next ›|‹ &lt;Prev&gt;|xBA")
        #expect(renderer.shapeCount == 1)
        // A shared value holding the placeholder characters renders directly, like a plain one.
        let hostile = TemplateValue.map(["title": .string("V"), "strings": .shared(SharedTemplateValue(.strings(["next": "\u{E002}0&\u{E003}"])))])
        #expect(renderer.render(hostile) == Self.direct(theme, hostile))
        #expect(renderer.shapeCount == 1)
    }

    @Test func templatesThatSeeStringContentsRenderDirectly() throws {
        for template in ["{{uppercased(title)}}", "{{>*dynamic}}", "{{=<% %>=}}<% title %>", "\u{E002}{{title}}"] {
            let theme = try Self.theme(["page": template, "dynamic": "{{title}}"])
            let renderer = SkeletonRenderer(theme: theme, template: "page")
            #expect(!renderer.usesSkeletons, "\(template)")
            let context = TemplateValue.strings(["title": "Title", "dynamic": "dynamic"])
            #expect(renderer.render(context) == Self.direct(theme, context))
        }
        #expect(SkeletonRenderer.allowsSkeletons("{{! a comment (with brackets) }}{{title}}{{> part}}"))
    }

    @Test func valuesHoldingPlaceholderCharactersRenderDirectly() throws {
        let theme = try Self.theme(["page": "<p>{{title}}</p>{{{body}}}"])
        let renderer = SkeletonRenderer(theme: theme, template: "page")
        let context = TemplateValue.strings(["title": "a\u{E002}0&\u{E003}b", "body": "\u{E003}"])
        #expect(renderer.render(context) == "<p>a\u{E002}0&amp;\u{E003}b</p>\u{E003}")
        #expect(renderer.shapeCount == 0)
    }

    @Test func defaultThemePagesMatchDirectRendering() throws {
        let site = try WholeReportTests.fixtureSite()
        let layout = PageContext(site: site)
        let renderer = SkeletonRenderer(theme: site.theme, template: "page")
        #expect(renderer.usesSkeletons)
        for index in site.pages.indices {
            let context = layout.context(for: index, body: site.pages[index].body)
            #expect(renderer.render(context) == site.theme.render("page", context), "\(site.pages[index].page.sourcePath)")
        }
    }

    @Test func escapingMatchesMustache() throws {
        let theme = try Self.theme(["page": "{{value}}"])
        for value in ["plain", "<&>\"'", "中文<x>", "&\u{301}<", "e\u{301}&", "", "a&amp;b"] {
            #expect(MustacheEscaping.html(value) == theme.templates.render(["value": value], withTemplate: "page"), "\(value)")
        }
    }
}
