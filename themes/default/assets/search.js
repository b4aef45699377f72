/* Offline search of the default theme, from file:// as from a server: no fetch, no modules.
   The index (made by reportgen's Search/ code) is a small manifest, search-index.js, and shards in
   search-index/: term shards (tHEX.js, postings by term) and page shards (pN.js, titles, headings
   and text). Each is a classic script loaded with a <script> element only when a query needs it,
   holding its JSON compressed (raw DEFLATE in base64): inflated by the browser's DecompressionStream
   or, in browsers without one, by our own code (`inflate`).
   The stand-alone report inlines them all. The tokeniser below mirrors SearchTokenizer.swift, the
   shard rule SearchShards.swift, the ranking SearchRanking.swift: change them together. */
(function () {
  "use strict";
  var MAX_RESULTS = 20, MAX_WORD = 40, HIGHLIGHT_KEY = "reportgen-search-highlight";
  var WORD = /[\p{L}\p{N}\p{M}]/u, NONSPACING = /\p{Mn}/gu;

  /* ---- Tokeniser (SearchTokenizer.swift) ---- */
  function isCJK(c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0x3100 && c <= 0x312F) || (c >= 0x3130 && c <= 0x318F) || (c >= 0x31A0 && c <= 0x31FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
      (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) ||
      (c >= 0x20000 && c <= 0x3FFFF);
  }
  function fold(word) {
    var folded = /^[\x00-\x7F]*$/.test(word) ? word.toLowerCase()
      : word.normalize("NFD").toLowerCase().replace(NONSPACING, "").replace(/\u03C2/g, "\u03C3");
    var points = Array.from(folded);
    return points.length > MAX_WORD ? points.slice(0, MAX_WORD).join("") : folded;
  }
  /* Terms of `text` in order: {term, start, end, cjk} with UTF-16 offsets; a CJK run gives each
     character, then the bigram it starts. */
  function tokenize(text) {
    var tokens = [], word = "", wordStart = 0, run = [], i = 0;
    function endWord() {
      if (word) { tokens.push({ term: fold(word), start: wordStart, end: wordStart + word.length, cjk: false }); word = ""; }
    }
    function endRun() {
      for (var k = 0; k < run.length; k++) {
        tokens.push({ term: run[k].c, start: run[k].at, end: run[k].at + run[k].c.length, cjk: true });
        if (k + 1 < run.length) {
          tokens.push({ term: run[k].c + run[k + 1].c, start: run[k].at, end: run[k + 1].at + run[k + 1].c.length, cjk: true });
        }
      }
      run = [];
    }
    while (i < text.length) {
      var code = text.codePointAt(i), ch = String.fromCodePoint(code);
      if (isCJK(code)) { endWord(); run.push({ c: ch, at: i }); }
      else if (code < 0x80 ? /[0-9A-Za-z]/.test(ch) : WORD.test(ch)) { if (run.length) { endRun(); } if (!word) { wordStart = i; } word += ch; }
      else { endWord(); if (run.length) { endRun(); } }
      i += ch.length;
    }
    endWord();
    if (run.length) { endRun(); }
    return tokens;
  }
  /* What a query asks for: every word (prefix-matched from two characters on), and for a CJK run
     its character (one) or all its bigrams (two or more). `runs` are the CJK runs, for highlighting. */
  function parseQuery(query) {
    var terms = [], seen = {}, runs = [], run = "";
    function add(term, prefix) { if (!seen[term]) { seen[term] = true; terms.push({ term: term, prefix: prefix }); } }
    function endRun() {
      if (!run) { return; }
      var points = Array.from(run);
      runs.push(run);
      if (points.length === 1) { add(run, false); }
      for (var p = 0; p + 1 < points.length; p++) { add(points[p] + points[p + 1], false); }
      run = "";
    }
    Array.from(query).forEach(function (ch) { if (isCJK(ch.codePointAt(0))) { run += ch; } else { endRun(); } });
    endRun();
    tokenize(query).forEach(function (t) { if (!t.cjk) { add(t.term, Array.from(t.term).length >= 2); } });
    return { terms: terms, runs: runs };
  }

  /* ---- Shards (SearchShards.swift) ---- */
  function termShard(term, count) {
    var key = Array.from(term).slice(0, 2).join(""), hash = 0x811C9DC5;
    for (var i = 0; i < key.length; i++) { hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0; }
    return hash % count;
  }
  var LEADING = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", FINAL = "0123456789abcdefghijklmnopqrstuv";
  function decode(text) {
    var numbers = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), d = FINAL.indexOf(c);
      if (d >= 0) { numbers.push(value * 32 + d); value = 0; } else { value = value * 32 + LEADING.indexOf(c); }
    }
    return numbers;
  }
  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  /* ---- Inflate (RFC 1951: stored, fixed and dynamic Huffman blocks), for the shards that
     Search/Deflate.swift compresses, in browsers without DecompressionStream("deflate-raw")
     (before Chrome 103, Firefox 113, Safari 16.4). Returns the bytes, or null for a broken stream. ---- */
  var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  /* A decoding table for the canonical Huffman code with these code lengths: indexed by the next
     `bits` bits of the stream (least significant first); an entry is symbol << 4 | code length
     (0: no such code). */
  function huffman(lengths) {
    var counts = [], next = [], max = 0, code = 0, length, symbol;
    for (length = 0; length <= 15; length++) { counts[length] = 0; }
    for (symbol = 0; symbol < lengths.length; symbol++) { counts[lengths[symbol]]++; max = Math.max(max, lengths[symbol]); }
    counts[0] = 0;
    for (length = 1; length <= 15; length++) { code = (code + counts[length - 1]) << 1; next[length] = code; }
    var table = new Int32Array(1 << max);
    for (symbol = 0; symbol < lengths.length; symbol++) {
      length = lengths[symbol];
      if (!length) { continue; }
      var value = next[length]++, reversed = 0;
      for (var bit = 0; bit < length; bit++) { reversed |= ((value >> bit) & 1) << (length - 1 - bit); }
      for (var k = reversed; k < table.length; k += 1 << length) { table[k] = symbol << 4 | length; }
    }
    return { table: table, bits: max };
  }
  function inflate(bytes) {
    var out = new Uint8Array(bytes.length * 4 + 1024), size = 0, at = 0, bitBuffer = 0, bitCount = 0;
    function fill(count) {
      while (bitCount < count) {
        if (at >= bytes.length + 2) { throw new Error("short"); }  /* a code may look two bytes past the end, no further */
        bitBuffer |= (at < bytes.length ? bytes[at] : 0) << bitCount; at++; bitCount += 8;
      }
    }
    function bits(count) {
      fill(count);
      var value = bitBuffer & ((1 << count) - 1);
      bitBuffer >>>= count; bitCount -= count;
      return value;
    }
    function symbol(code) {
      fill(code.bits);
      var entry = code.table[bitBuffer & ((1 << code.bits) - 1)], length = entry & 15;
      if (!length) { throw new Error("bad code"); }
      bitBuffer >>>= length; bitCount -= length;
      return entry >> 4;
    }
    function room(count) {
      if (size + count <= out.length) { return; }
      var bigger = new Uint8Array(Math.max(out.length * 2, size + count));
      bigger.set(out.subarray(0, size));
      out = bigger;
    }
    /* One Huffman block up to its end code; the hot loop, so bits are read inline. */
    function block(literals, distances) {
      var lTable = literals.table, lBits = literals.bits, lMask = (1 << lBits) - 1;
      var dTable = distances.table, dBits = distances.bits, dMask = (1 << dBits) - 1;
      for (;;) {
        while (bitCount < lBits) { fill(lBits); }
        var entry = lTable[bitBuffer & lMask], length = entry & 15, s = entry >> 4;
        if (!length) { throw new Error("bad code"); }
        bitBuffer >>>= length; bitCount -= length;
        if (s < 256) {
          if (size === out.length) { room(1); }
          out[size++] = s;
          continue;
        }
        if (s === 256) { return; }
        s -= 257;
        if (s >= 29) { throw new Error("bad length"); }
        var count = LENGTH_BASE[s] + bits(LENGTH_EXTRA[s]);
        while (bitCount < dBits) { fill(dBits); }
        entry = dTable[bitBuffer & dMask]; length = entry & 15; s = entry >> 4;
        if (!length || s >= 30) { throw new Error("bad distance"); }
        bitBuffer >>>= length; bitCount -= length;
        var distance = DISTANCE_BASE[s] + bits(DISTANCE_EXTRA[s]);
        if (distance > size) { throw new Error("too far"); }
        if (size + count > out.length) { room(count); }
        for (var from = size - distance, end = size + count; size < end; size++, from++) { out[size] = out[from]; }
      }
    }
    var fixed = null, last, i;
    try {
      do {
        last = bits(1);
        var type = bits(2), lengths = [];
        if (type === 0) {
          bits(bitCount & 7);
          var count = bits(16);
          if ((count ^ bits(16)) !== 0xFFFF) { return null; }
          room(count);
          for (i = 0; i < count; i++) { out[size++] = bits(8); }
        } else if (type === 1) {
          if (!fixed) {
            for (i = 0; i < 288; i++) { lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8; }
            fixed = [huffman(lengths), huffman([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])];
          }
          block(fixed[0], fixed[1]);
        } else if (type === 2) {
          var literalCount = bits(5) + 257, distanceCount = bits(5) + 1, codeLengthCount = bits(4) + 4, codeLengths = [];
          for (i = 0; i < 19; i++) { codeLengths[i] = 0; }
          for (i = 0; i < codeLengthCount; i++) { codeLengths[CODE_LENGTH_ORDER[i]] = bits(3); }
          var lengthCode = huffman(codeLengths);
          while (lengths.length < literalCount + distanceCount) {
            var c = symbol(lengthCode), repeat = 0, value = 0;
            if (c < 16) { lengths.push(c); continue; }
            if (c === 16) { if (!lengths.length) { return null; } value = lengths[lengths.length - 1]; repeat = 3 + bits(2); }
            else if (c === 17) { repeat = 3 + bits(3); } else { repeat = 11 + bits(7); }
            if (lengths.length + repeat > literalCount + distanceCount) { return null; }
            while (repeat--) { lengths.push(value); }
          }
          block(huffman(lengths.slice(0, literalCount)), huffman(lengths.slice(literalCount)));
        } else {
          return null;
        }
        if (at * 8 - bitCount > bytes.length * 8) { return null; }  /* read past the end */
      } while (!last);
    } catch (error) {
      return null;
    }
    return out.subarray(0, size);
  }

  function init() {
    var form = document.querySelector("form.site-search");
    if (!form) { return; }
    var input = form.querySelector("input[type=search]");
    var panel = form.querySelector(".site-search-results");
    var status = form.querySelector(".site-search-status");
    var list = form.querySelector(".site-search-list");
    var root = form.getAttribute("data-root") || "";
    /* The index lies in the page's language edition's folder (zh/search-index.js); its shards beside it. */
    var indexFile = form.getAttribute("data-index") || root + "search-index.js";
    var indexBase = indexFile.slice(0, indexFile.lastIndexOf("/") + 1);
    var inReport = form.getAttribute("data-report") === "1";
    var loading = {}, waiting = {}, sortedKeys = {}, generation = 0;
    form.hidden = false;

    /* Runs `done` once the script setting REPORT_SEARCH_SHARDS[name] (or the manifest) has run. */
    function load(name, src, done) {
      var shards = window.REPORT_SEARCH_SHARDS || {};
      if (name ? shards[name] !== undefined : window.REPORT_SEARCH_INDEX) { done(); return; }
      (waiting[src] = waiting[src] || []).push(done);
      if (loading[src]) { return; }
      loading[src] = true;
      var script = document.createElement("script");
      script.src = src;
      script.onload = script.onerror = function () {
        loading[src] = false;
        var callbacks = waiting[src]; waiting[src] = [];
        callbacks.forEach(function (callback) { callback(); });
      };
      document.head.appendChild(script);
    }
    function manifest(done) { load(null, indexFile, done); }
    function loadAll(names, done) {
      var index = window.REPORT_SEARCH_INDEX, left = names.length;
      if (left === 0) { done(); return; }
      names.forEach(function (name) {
        load(name, indexBase + index.folder + name + ".js", function () { if (--left === 0) { done(); } });
      });
    }
    function shard(name) { return (window.REPORT_SEARCH_SHARDS || {})[name] || {}; }
    /* Shards are compressed (raw DEFLATE in base64; see Search/Deflate.swift): each is inflated
       and parsed once, in place, when first needed; then `done` runs. The browser's own
       DecompressionStream is fastest where it exists; elsewhere `inflate` above does the work. */
    function unpack(names, done) {
      var shards = window.REPORT_SEARCH_SHARDS || {};
      var packed = names.filter(function (name) { return typeof shards[name] === "string"; }), left = packed.length;
      if (left === 0) { done(); return; }
      packed.forEach(function (name) {
        var binary = atob(shards[name]), bytes = new Uint8Array(binary.length), stream = null;
        for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
        function settle(json) {
          var value = name.charAt(0) === "p" ? [] : {};
          try { value = json === null ? value : JSON.parse(json); } catch (error) { /* a broken shard: nothing found in it */ }
          if (typeof shards[name] === "string") { shards[name] = value; }
          if (--left === 0) { done(); }
        }
        try { stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")); } catch (error) { stream = null; }
        if (stream) {
          new Response(stream).text().then(settle, function () { settle(null); });
        } else {
          var json = inflate(bytes);
          settle(json ? new TextDecoder().decode(json) : null);
        }
      });
    }
    function keysOf(name) { return sortedKeys[name] || (sortedKeys[name] = Object.keys(shard(name)).sort()); }

    /* Pages matching every term, best first: [{page, score, section}]. */
    function rank(terms) {
      var index = window.REPORT_SEARCH_INDEX, n = index.pages, found = null;
      terms.forEach(function (query) {
        var name = "t" + termShard(query.term, index.termShards).toString(16), postings = shard(name), pages = {};
        var keys = query.prefix ? keysOf(name).filter(function (key) { return key.indexOf(query.term) === 0; })
          : (postings[query.term] !== undefined ? [query.term] : []);
        keys.forEach(function (key) {
          /* A word matched in part counts half; the section shown is the whole word's when the page has it. */
          var numbers = decode(postings[key]), rarity = idf(numbers.length / 3, n), exact = key === query.term, page = 0;
          for (var i = 0; i < numbers.length; i += 3) {
            page += numbers[i];
            var score = numbers[i + 1] * rarity * (exact ? 1 : 0.5), known = pages[page];
            if (!known) { pages[page] = { score: score, section: numbers[i + 2], rarity: rarity, exact: exact }; continue; }
            if (score > known.score) { known.score = score; known.rarity = rarity; }
            if (exact || (!known.exact && score >= known.score)) { known.section = numbers[i + 2]; known.exact = exact; }
          }
        });
        if (found === null) { found = pages; return; }
        var both = {};
        Object.keys(found).forEach(function (page) {
          var a = found[page], b = pages[page];
          if (!b) { return; }
          both[page] = { score: a.score + b.score, section: b.rarity > a.rarity ? b.section : a.section, rarity: Math.max(a.rarity, b.rarity) };
        });
        found = both;
      });
      return Object.keys(found || {}).map(function (page) { return { page: +page, score: found[page].score, section: found[page].section }; })
        .sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    }

    /* Ranges [start, end) of `text` that match the query (words by their folded start, CJK runs as written). */
    function matches(text, parsed) {
      var ranges = [];
      tokenize(text).forEach(function (t) {
        if (t.cjk) { return; }
        parsed.terms.forEach(function (q) {
          if (t.term === q.term || (q.prefix && t.term.indexOf(q.term) === 0)) { ranges.push([t.start, t.end]); }
        });
      });
      parsed.runs.forEach(function (runText) {
        var parts = text.indexOf(runText) >= 0 ? [runText] : Array.from(runText);
        parts.forEach(function (part) {
          for (var at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) { ranges.push([at, at + part.length]); }
        });
      });
      return ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    }
    /* Appends `text` to `parent` with the matched ranges in <mark>. */
    function highlight(parent, text, parsed) {
      var position = 0;
      matches(text, parsed).forEach(function (range) {
        if (range[0] < position) { return; }
        if (range[0] > position) { parent.appendChild(document.createTextNode(text.slice(position, range[0]))); }
        var mark = document.createElement("mark");
        mark.textContent = text.slice(range[0], range[1]);
        parent.appendChild(mark);
        position = range[1];
      });
      if (position < text.length) { parent.appendChild(document.createTextNode(text.slice(position))); }
    }
    /* About 180 characters around the first match in the section (or the page), cut at spaces. */
    function snippet(record, section, parsed) {
      var text = record[4], headings = record[3];
      var from = section > 0 && headings[section - 1] ? headings[section - 1][2] : 0;
      var first = matches(text.slice(from), parsed)[0], at = first ? from + first[0] : -1;
      if (at < 0) { first = matches(text, parsed)[0]; at = first ? first[0] : 0; }
      var start = Math.max(0, at - 60), end = Math.min(text.length, at + 120);
      var space = text.indexOf(" ", start);
      if (start > 0 && space >= 0 && space < at && space - start < 20) { start = space + 1; }
      space = text.lastIndexOf(" ", end);
      if (end < text.length && space > at && end - space < 20) { end = space; }
      return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    }
    function href(record, heading) {
      if (inReport) { return "#" + record[2] + (heading ? "--" + heading[0] : ""); }
      return root + record[1] + (heading ? "#" + heading[0] : "");
    }

    function render(results, parsed, query) {
      var index = window.REPORT_SEARCH_INDEX;
      list.textContent = "";
      panel.hidden = false;
      var template = results.length === 1 ? form.getAttribute("data-one-result") : form.getAttribute("data-results");
      status.textContent = results.length === 0 ? (form.getAttribute("data-no-results") || "")
        : (template || "{n}").replace("{n}", String(results.length));
      results.forEach(function (result) {
        var record = shard("p" + Math.floor(result.page / index.pagesPerShard))[result.page % index.pagesPerShard];
        if (!record) { return; }
        var heading = result.section > 0 ? record[3][result.section - 1] : null;
        var li = document.createElement("li"), link = document.createElement("a"), p = document.createElement("p");
        link.href = href(record, heading);
        link.className = "site-search-title";
        link.setAttribute("data-query", query);
        highlight(link, record[0] + (heading ? " › " + heading[1] : ""), parsed);
        p.className = "site-search-snippet";
        highlight(p, snippet(record, result.section, parsed), parsed);
        li.appendChild(link);
        li.appendChild(p);
        list.appendChild(li);
      });
    }

    function show(query) {
      var mine = ++generation;
      if (query.trim() === "") { list.textContent = ""; panel.hidden = true; status.textContent = ""; return; }
      manifest(function () {
        var index = window.REPORT_SEARCH_INDEX;
        if (!index || mine !== generation) { return; }
        var parsed = parseQuery(query);
        var names = parsed.terms.map(function (q) { return "t" + termShard(q.term, index.termShards).toString(16); });
        var termShards = names.filter(function (name, k) { return names.indexOf(name) === k; });
        loadAll(termShards, function () { unpack(termShards, function () {
          if (mine !== generation) { return; }
          var results = parsed.terms.length ? rank(parsed.terms).slice(0, MAX_RESULTS) : [];
          var pages = results.map(function (r) { return "p" + Math.floor(r.page / index.pagesPerShard); });
          var unique = pages.filter(function (name, k) { return pages.indexOf(name) === k; });
          loadAll(unique, function () {
            unpack(unique, function () { if (mine === generation) { render(results, parsed, query); } });
          });
        }); });
      });
    }

    /* Marks the query's matches in the page's main text (after a result was followed here). */
    function highlightPage(query, scope) {
      var parsed = parseQuery(query), walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT), nodes = [];
      for (var node = walker.nextNode(); node && nodes.length < 2000; node = walker.nextNode()) {
        if (!node.parentElement.closest("script, style, svg, mark, form")) { nodes.push(node); }
      }
      nodes.forEach(function (node) {
        if (!matches(node.data, parsed).length) { return; }
        var fragment = document.createDocumentFragment();
        highlight(fragment, node.data, parsed);
        fragment.querySelectorAll("mark").forEach(function (mark) { mark.className = "search-hit"; });
        node.parentNode.replaceChild(fragment, node);
      });
    }
    try {
      var stored = JSON.parse(sessionStorage.getItem(HIGHLIGHT_KEY) || "null");
      sessionStorage.removeItem(HIGHLIGHT_KEY);
      if (stored && stored.page === location.href.split("#")[0] && document.getElementById("main")) {
        highlightPage(stored.query, document.getElementById("main"));
      }
    } catch (error) { /* storage refused (private mode): no highlighting */ }

    var timer = null;
    input.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () { show(input.value); }, 50);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); input.value = ""; show(""); }
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); panel.hidden = false; first.focus(); }
      }
    });
    /* Arrow keys move between results; Escape closes the list and goes back to the box. */
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (at < 0) { return; }
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { event.preventDefault(); panel.hidden = true; input.focus(); }
    });
    /* Following a result: its page highlights the query on arrival (in this document, at once). */
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      if (!link) { return; }
      panel.hidden = true;
      var target = link.href.split("#")[0];
      if (target === location.href.split("#")[0]) {
        highlightPage(link.getAttribute("data-query"), document.getElementById("main") || document.body);
      } else {
        try { sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify({ page: target, query: link.getAttribute("data-query") })); } catch (error) { /* no storage */ }
      }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { panel.hidden = true; }
    });
    /* "/" anywhere but in a text field focuses the search box. */
    document.addEventListener("keydown", function (event) {
      var target = event.target, editable = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !editable && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); input.focus(); }
    });
    input.addEventListener("focus", function () { manifest(function () {}); });
    /* A click in the box shows the last results again (focus alone does not: Escape returns focus here). */
    input.addEventListener("click", function () { if (input.value.trim() !== "" && list.firstChild) { panel.hidden = false; } });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { first.focus(); }
    });
  }

  /* For the browser tests: the tokeniser and shard rule this page uses. */
  window.REPORT_SEARCH_TEST = { inflate: inflate, tokenize: tokenize, fold: fold, parseQuery: parseQuery, termShard: termShard, decode: decode };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
