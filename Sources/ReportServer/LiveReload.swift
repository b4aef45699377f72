import ReportKit

/// The script `serve` adds to every page it serves (never to files on disk): it listens for
/// build events, reloads the page when its files changed, and shows build errors as an overlay.
enum LiveReload {
    /// Where the script and the event stream are served.
    static let scriptPath = "/__reportgen/live.js"
    static let eventsPath = "/__reportgen/events"

    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// `html` with the script tag added before `</body>` (or at the end).
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + scriptTag }
        return html.replacingCharacters(in: range, with: scriptTag + "\n</body>")
    }

    static let script = """
        // reportgen serve: live reload and build-error overlay.
        (function () {
          "use strict";
          var generation = null;
          function pagePath() {
            var path = decodeURIComponent(location.pathname).replace(/^\\//, "");
            if (path === "" || path.endsWith("/")) path += "index.html";
            return path;
          }
          function overlay(message) {
            var box = document.getElementById("reportgen-overlay");
            if (!box) {
              box = document.createElement("div");
              box.id = "reportgen-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.92);color:#fff;" +
                "padding:2rem;overflow:auto;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
              var title = document.createElement("h2");
              title.textContent = "Build failed";
              title.style.cssText = "color:#ff8080;font:bold 18px sans-serif;margin:0 0 1rem";
              var text = document.createElement("pre");
              text.style.cssText = "white-space:pre-wrap;margin:0";
              var note = document.createElement("p");
              note.textContent = "Fix the file and save: the page reloads by itself.";
              note.style.cssText = "color:#bbb;font:14px sans-serif";
              box.appendChild(title); box.appendChild(text); box.appendChild(note);
              document.body.appendChild(box);
            }
            box.querySelector("pre").textContent = message;
          }
          function clearOverlay() {
            var box = document.getElementById("reportgen-overlay");
            if (box) box.remove();
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (event) {
            var data = JSON.parse(event.data);
            if (generation !== null && data.generation !== generation) location.reload();
            generation = data.generation;
          });
          source.addEventListener("built", function (event) {
            var data = JSON.parse(event.data);
            generation = data.generation;
            var hadOverlay = !!document.getElementById("reportgen-overlay");
            clearOverlay();
            var mine = pagePath();
            // This page, or a file pages load (styles, data), but not the search index and its
            // shards, which are rewritten after the pages and read only when searching.
            var relevant = hadOverlay || data.written.some(function (path) {
              return path === mine || (!path.endsWith(".html") && path !== "search-index.js" && !path.startsWith("search-index/"));
            });
            if (relevant) location.reload();
          });
          source.addEventListener("build-error", function (event) {
            overlay(JSON.parse(event.data).message);
          });
        })();
        """

    /// The page served when there is no site to show yet (the first build failed) or a path is missing.
    static func messagePage(title: String, message: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(title.htmlEscaped)</title></head>
        <body style="font-family:sans-serif;margin:2rem"><h1>\(title.htmlEscaped)</h1>
        <pre style="white-space:pre-wrap">\(message.htmlEscaped)</pre>
        \(scriptTag)
        </body></html>
        """
    }
}
