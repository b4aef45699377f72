import Testing
@testable import ReportKit

/// `raw_html: true` lets the author's HTML through, but nothing that runs a script unless
/// `raw_html_scripts: true` says so.
struct RawHTMLFilterTests {
    func filtered(_ html: String) -> String { RawHTMLFilter.apply(html, allowScripts: false).html }

    @Test func eventHandlersAreRemoved() {
        #expect(filtered(#"<img src="a.png" alt="A" onerror="alert(1)">"#) == #"<img src="a.png" alt="A">"#)
        #expect(filtered(#"<div ONCLICK='x()' class=c onmouseover=alert(1)>t</div>"#) == #"<div class=c>t</div>"#)
        #expect(filtered("<svg/onload=alert(1)>") == "<svg>")
        // An unquoted value runs to a space or '>': `/href=…` is part of it.
        #expect(filtered("<a/onclick=alert(1)/href=x.html>") == "<a>")
        #expect(filtered("<p title=\"t\"onclick=\"x\" class=c>") == "<p title=\"t\" class=c>")
        #expect(filtered("<p\nonclick\n=\n\"x\"\ntitle=\"t\">") == "<p\ntitle=\"t\">")
        // A quoted '>' does not end the tag for a browser, nor here.
        #expect(filtered(#"<a title='x > y' onclick=z>"#) == #"<a title='x &gt; y'>"#)
    }

    @Test func scriptURLsAreRemovedAndOrdinaryOnesKept() {
        for url in ["javascript:alert(1)", " JaVaScRiPt:x", "jav&#x61;script:x", "java&Tab;script:x", "java\tscript:x",
                    "javascript&colon;x", "vbscript:x", "data:text/html,<script>x</script>", "unknown:x"] {
            #expect(filtered("<a href=\"\(url)\">x</a>") == "<a>x</a>", "\(url)")
        }
        #expect(filtered("<a href=javascript:alert(1)>x</a>") == "<a>x</a>")
        #expect(filtered(#"<form action='javascript:x'><button formaction="javascript:y">b</button></form>"#) == "<form><button>b</button></form>")
        #expect(filtered(#"<svg><a xlink:href="javascript:x"><text>t</text></a></svg>"#) == "<svg><a><text>t</text></a></svg>")
        for kept in [#"<a href="https://example.org/?a=1&amp;b=2">x</a>"#, #"<a href="../x.html#y">x</a>"#, #"<a href="mailto:a@b.c">x</a>"#,
                     #"<img src="data:image/png;base64,iVBO" alt="">"#, #"<a href="a/b:c">x</a>"#, ##"<a href="#top">x</a>"##, #"<a href="">x</a>"#] {
            #expect(filtered(kept) == kept)
        }
    }

    @Test func elementsThatRunScriptsBecomeText() {
        #expect(filtered(#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#)
                == #"&lt;noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;/noscript>"#)
        #expect(filtered(#"<svg><a><animate attributeName="href" values="javascript:alert(1)"/><set to="x"/></a></svg>"#)
                == #"<svg><a>&lt;animate attributeName="href" values="javascript:alert(1)"/>&lt;set to="x"/></a></svg>"#)
        #expect(filtered("<object data=x></object><embed src=x><base href=x><meta http-equiv=refresh>")
                == "&lt;object data=x>&lt;/object>&lt;embed src=x>&lt;base href=x>&lt;meta http-equiv=refresh>")
        #expect(filtered("<iframe srcdoc=x></iframe><script>x</script>") == "&lt;iframe srcdoc=x>&lt;/iframe>&lt;script>x&lt;/script>")
        #expect(filtered("<settings>ok</settings>") == "<settings>ok</settings>")
    }

    @Test func aTagLeftOpenBecomesText() {
        #expect(filtered(#"<a href="x" onclick="y"#) == #"&lt;a href="x" onclick="y"#)
        #expect(filtered("<b>ok</b><i") == "<b>ok</b>&lt;i")
    }

    @Test func scriptsPassWhenAllowed() {
        let html = #"<a href="javascript:go()" onclick="go()">x</a><object data=x></object>"#
        #expect(RawHTMLFilter.apply(html, allowScripts: true).html == html)
        #expect(RawHTMLFilter.apply("<script>x</script>", allowScripts: true).html == "&lt;script>x&lt;/script>")
    }

    @Test func networkImagesAreNoted() {
        let result = RawHTMLFilter.apply(#"<img src="https://example.org/a.png?x=1&amp;y=2"><img src='//example.org/b.png'><img src="c.png"><a href="https://e.org">x</a>"#,
                                         allowScripts: false)
        #expect(result.networkImages == ["https://example.org/a.png?x=1&y=2", "//example.org/b.png"])
    }

    @Test func markdownLinksToScriptsNeedTheOptionToo() {
        let page = "[x](javascript:alert(1)) <b onclick=\"y()\">b</b>\n"
        #expect(MarkdownRenderer(allowRawHTML: true).render(page, file: "t.md").html == "<p><a href=\"\">x</a> <b>b</b></p>\n")
        #expect(MarkdownRenderer(allowRawHTML: true, allowScripts: true).render(page, file: "t.md").html
                == "<p><a href=\"javascript:alert(1)\">x</a> <b onclick=\"y()\">b</b></p>\n")
    }

    @Test func rawHTMLImagesFromTheNetworkAreWarnedAbout() {
        let output = MarkdownRenderer(allowRawHTML: true).render("Text\n\n<img src=\"https://example.org/a.png\" alt=\"A\">\n", file: "t.md")
        #expect(output.diagnostics.map(\.description) == [
            "t.md:3:1: warning[RG0406]: image 'https://example.org/a.png' is loaded from the network, so the site no longer reads offline\n"
                + "hint: download the image into the content folder and link to it by its path, e.g. ![description](images/name.png)",
        ])
    }

    @Test func networkURLsAreRecognized() {
        for url in ["https://e.org/a.png", "HTTP://e.org", " //e.org/a.png", "\\\\e.org\\a.png", "ftp://e.org/a"] {
            #expect(URLSafety.loadsFromNetwork(url), "\(url)")
        }
        for url in ["a.png", "../img/a.png", "data:image/png;base64,x", "/a.png", "a/b:c.png", "#x"] {
            #expect(!URLSafety.loadsFromNetwork(url), "\(url)")
        }
    }
}
