/* Offline search of the default theme. The index is a classic script (search-index.js) that sets
   window.REPORT_SEARCH_INDEX, so this works from file:// without fetch. It is loaded only when the
   reader first uses the search box, so pages of a large site stay light (the stand-alone report
   inlines it). Without JavaScript the search form stays hidden and the "whole report" link remains.
   No modules, no network. */
(function () {
  "use strict";
  var MAX_RESULTS = 20;

  function init() {
    var form = document.querySelector("form.site-search");
    if (!form) { return; }
    var input = form.querySelector("input[type=search]");
    var panel = form.querySelector(".site-search-results");
    var status = form.querySelector(".site-search-status");
    var list = form.querySelector(".site-search-list");
    var root = form.getAttribute("data-root") || "";
    var inReport = form.getAttribute("data-report") === "1";
    var prepared = null;
    var loading = false;
    form.hidden = false;

    function prepare(index) {
      prepared = index.map(function (entry) {
        return {
          entry: entry,
          title: entry.t.toLowerCase(),
          headings: entry.h.map(function (h) { return h[1].toLowerCase(); }),
          text: entry.x.toLowerCase()
        };
      });
    }

    /* Loads search-index.js with a classic <script> element (works from file://), then calls `done`. */
    function withIndex(done) {
      if (prepared) { done(); return; }
      if (Array.isArray(window.REPORT_SEARCH_INDEX)) { prepare(window.REPORT_SEARCH_INDEX); done(); return; }
      if (loading) { return; }
      loading = true;
      var script = document.createElement("script");
      script.src = form.getAttribute("data-index") || (root + "search-index.js");
      script.onload = function () {
        loading = false;
        if (Array.isArray(window.REPORT_SEARCH_INDEX)) { prepare(window.REPORT_SEARCH_INDEX); done(); }
      };
      script.onerror = function () { loading = false; };
      document.head.appendChild(script);
    }

    function href(entry, headingId) {
      if (inReport) { return "#" + entry.r + (headingId ? "--" + headingId : ""); }
      return root + entry.u + (headingId ? "#" + headingId : "");
    }

    /* The heading whose section holds the text at `offset`, or -1 before the first heading. */
    function sectionAt(entry, offset) {
      var found = -1;
      for (var k = 0; k < entry.h.length; k++) {
        if (entry.h[k].length > 2 && entry.h[k][2] <= offset) { found = k; }
      }
      return found;
    }

    function search(query) {
      var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
      if (terms.length === 0) { return []; }
      var results = [];
      prepared.forEach(function (item, order) {
        var score = 0;
        var heading = -1;
        for (var i = 0; i < terms.length; i++) {
          var term = terms[i];
          var hit = false;
          if (item.title.indexOf(term) >= 0) { score += 10; hit = true; }
          for (var j = 0; j < item.headings.length; j++) {
            if (item.headings[j].indexOf(term) >= 0) {
              score += 5; hit = true;
              if (heading < 0) { heading = j; }
              break;
            }
          }
          var at = item.text.indexOf(term);
          if (at >= 0) {
            score += 1; hit = true;
            if (heading < 0 && i === 0) { heading = sectionAt(item.entry, at); }
          }
          if (!hit) { return; }
        }
        results.push({ item: item, score: score, order: order, heading: heading, terms: terms });
      });
      results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      return results.slice(0, MAX_RESULTS);
    }

    /* Appends `text` to `parent`, with every occurrence of a term wrapped in <mark>. */
    function highlight(parent, text, terms) {
      var lower = text.toLowerCase();
      var position = 0;
      while (position < text.length) {
        var next = -1, length = 0;
        terms.forEach(function (term) {
          var at = lower.indexOf(term, position);
          if (at >= 0 && (next < 0 || at < next || (at === next && term.length > length))) { next = at; length = term.length; }
        });
        if (next < 0) { break; }
        if (next > position) { parent.appendChild(document.createTextNode(text.slice(position, next))); }
        var mark = document.createElement("mark");
        mark.textContent = text.slice(next, next + length);
        parent.appendChild(mark);
        position = next + length;
      }
      if (position < text.length) { parent.appendChild(document.createTextNode(text.slice(position))); }
    }

    function snippet(result) {
      var text = result.item.entry.x;
      var at = -1;
      result.terms.forEach(function (term) {
        var found = result.item.text.indexOf(term);
        if (found >= 0 && (at < 0 || found < at)) { at = found; }
      });
      if (at < 0) { return text.slice(0, 160) + (text.length > 160 ? "…" : ""); }
      var start = Math.max(0, at - 60);
      var end = Math.min(text.length, at + 120);
      /* Start and end at a space when one is near, so that words are not cut. */
      var space = text.indexOf(" ", start);
      if (start > 0 && space >= 0 && space < at && space - start < 20) { start = space + 1; }
      space = text.lastIndexOf(" ", end);
      if (end < text.length && space > at && end - space < 20) { end = space; }
      return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    }

    function show(query) {
      if (!prepared) { withIndex(function () { show(input.value); }); return; }
      list.textContent = "";
      if (query.trim() === "") { panel.hidden = true; status.textContent = ""; return; }
      var results = search(query);
      panel.hidden = false;
      var template = results.length === 1 ? form.getAttribute("data-one-result") : form.getAttribute("data-results");
      status.textContent = results.length === 0 ? (form.getAttribute("data-no-results") || "")
        : (template || "{n}").replace("{n}", String(results.length));
      results.forEach(function (result) {
        var entry = result.item.entry;
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = href(entry, result.heading >= 0 ? entry.h[result.heading][0] : "");
        link.className = "site-search-title";
        highlight(link, entry.t + (result.heading >= 0 ? " › " + entry.h[result.heading][1] : ""), result.terms);
        var p = document.createElement("p");
        p.className = "site-search-snippet";
        highlight(p, snippet(result), result.terms);
        li.appendChild(link);
        li.appendChild(p);
        list.appendChild(li);
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () { show(input.value); }, 80);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show(""); }
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    /* Arrow keys move between results; Escape goes back to the box. */
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { event.preventDefault(); panel.hidden = true; input.focus(); }
    });
    /* A result that links inside this document (the whole report) closes the list. */
    list.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { panel.hidden = true; }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { panel.hidden = true; }
    });
    input.addEventListener("focus", function () {
      withIndex(function () {});
      if (input.value.trim() !== "") { panel.hidden = false; }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
      var first = list.querySelector("a");
      if (first) { first.focus(); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
