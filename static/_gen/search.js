// gen search: a dialog opened by the search button, "/" or Ctrl-K (⌘K). Nothing loads
// before that; then _gen/search/index.json (the pages), for each query the term shards
// t<k>.json its terms are in, and for the results shown the text chunks p<k>.json their
// titles and excerpts come from (src/search/mod.rs writes them). Queries are cut into
// terms exactly as src/search/tokenize.rs cuts the pages: NFKC, lower case, words of
// letters and digits, CJK runs as character bigrams (a single character alone).
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-base")) || "/";
  var MAX_WORD = 40, MAX_RESULTS = 20, MAX_PER_PAGE = 5, MAX_EXPANSIONS = 64, PREFIX_WEIGHT = 0.6;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var index = null, loading = null, shards = {}, chunks = {};
  var sectionPage = [], pageStart = [];
  var dialog, input, list, status, results = [], selected = -1, generation = 0, timer = 0;

  function isCjk(cp) {
    return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3005 && cp <= 0x3007) ||
      (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3100 && cp <= 0x312f) ||
      (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0x31f0 && cp <= 0x31ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x20000 && cp <= 0x3134f);
  }

  // Words ({word}) and CJK runs ({cjk: [chars]}) of a text, as the Rust tokenizer has them.
  function pieces(text) {
    var out = [], word = "", cjk = [];
    function flush() {
      if (word) out.push({ word: word });
      if (cjk.length) out.push({ cjk: cjk });
      word = ""; cjk = [];
    }
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      if (isCjk(ch.codePointAt(0))) {
        if (word) { out.push({ word: word }); word = ""; }
        cjk.push(ch);
      } else if (WORD.test(ch)) {
        if (cjk.length) { out.push({ cjk: cjk }); cjk = []; }
        word += ch;
      } else {
        flush();
      }
    }
    flush();
    return out;
  }

  // Every clause must match a section: a word (or a word it begins), or one CJK bigram.
  function clauses(query) {
    var out = [];
    pieces(query).forEach(function (p) {
      if (p.word) {
        if (Array.from(p.word).length <= MAX_WORD) out.push({ term: p.word, prefix: p.word.length > 1 });
      } else if (p.cjk.length === 1) {
        out.push({ term: p.cjk[0], prefix: false });
      } else {
        for (var i = 0; i + 1 < p.cjk.length; i++) out.push({ term: p.cjk[i] + p.cjk[i + 1], prefix: false });
      }
    });
    return out;
  }

  // What to highlight: the words and whole CJK runs of the query, then its bigrams.
  function needles(query) {
    var whole = [], parts = [];
    pieces(query).forEach(function (p) {
      if (p.word) whole.push(p.word);
      else {
        whole.push(p.cjk.join(""));
        for (var i = 0; i + 1 < p.cjk.length; i++) parts.push(p.cjk[i] + p.cjk[i + 1]);
      }
    });
    return [whole, parts];
  }

  // As shard_of in src/search/mod.rs: a word by its first character, a CJK term by the
  // sum of its two characters.
  function shardOf(term) {
    var chars = Array.from(term), first = chars[0].codePointAt(0);
    var key = isCjk(first) && chars.length > 1 ? first + chars[1].codePointAt(0) : first;
    return key % index.shards;
  }

  function fetchJson(path) {
    return fetch(base + "_gen/search/" + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  // A term shard, with its terms sorted for prefix look-ups.
  function shard(k) {
    if (!shards[k]) {
      shards[k] = fetchJson("t" + k + ".json").then(function (terms) {
        return { terms: terms, sorted: Object.keys(terms).sort() };
      });
      shards[k].catch(function () { delete shards[k]; });
    }
    return shards[k];
  }

  function postings(loaded, term, weight, into) {
    var list = loaded[shardOf(term)].terms[term];
    if (!list) return;
    for (var i = 0, doc = 0; i < list.length; i += 2) {
      doc += list[i];
      var s = list[i + 1] * weight;
      if (!(into.get(doc) >= s)) into.set(doc, s);
    }
  }

  function expansions(loaded, prefix) {
    var sortedTerms = loaded[shardOf(prefix)].sorted;
    var lo = 0, hi = sortedTerms.length, out = [];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sortedTerms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < sortedTerms.length && out.length < MAX_EXPANSIONS; i++) {
      if (sortedTerms[i].lastIndexOf(prefix, 0) !== 0) break;
      if (sortedTerms[i] !== prefix) out.push(sortedTerms[i]);
    }
    return out;
  }

  // Sections matching every clause, best first: [section, score]. `loaded` maps shard
  // numbers to loaded shards.
  function rank(cs, loaded) {
    var total = null;
    cs.forEach(function (c) {
      var hits = new Map();
      postings(loaded, c.term, 1, hits);
      if (c.prefix) expansions(loaded, c.term).forEach(function (t) { postings(loaded, t, PREFIX_WEIGHT, hits); });
      if (total === null) { total = hits; return; }
      var next = new Map();
      total.forEach(function (s, doc) { if (hits.has(doc)) next.set(doc, s + hits.get(doc)); });
      total = next;
    });
    if (!total) return [];
    // The best sections, at most MAX_PER_PAGE of one page while other pages match too (a
    // page's title words are in all of its sections), then the rest in order.
    var perPage = {}, first = [], rest = [];
    Array.from(total).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).forEach(function (h) {
      var p = sectionPage[h[0]];
      perPage[p] = (perPage[p] || 0) + 1;
      (perPage[p] <= MAX_PER_PAGE ? first : rest).push(h);
    });
    return first.concat(rest).slice(0, MAX_RESULTS);
  }

  function load() {
    if (!loading) {
      loading = fetchJson("index.json")
        .then(function (data) {
          data.pages.forEach(function (p, k) {
            pageStart.push(sectionPage.length);
            for (var i = 0; i < p[2]; i++) sectionPage.push(k);
          });
          index = data;
        })
        .catch(function (e) { loading = null; throw e; });
    }
    return loading;
  }

  // The sections `[heading, id, text]` of page `page`, from its text chunk.
  function pageSections(page) {
    var k = 0;
    while (k + 1 < index.chunks.length && index.chunks[k + 1] <= page) k++;
    if (!chunks[k]) {
      chunks[k] = fetchJson("p" + k + ".json").catch(function () { delete chunks[k]; return []; });
    }
    return chunks[k].then(function (pages) { return pages[page - index.chunks[k]] || []; });
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function pattern(words) {
    if (!words.length) return null;
    var alts = words.slice().sort(function (a, b) { return b.length - a.length; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    return new RegExp(alts.join("|"), "giu");
  }

  function mark(text, re) {
    if (!re) return escapeHtml(text);
    var out = "", last = 0, m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      if (!m[0]) { re.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index)) + "<mark>" + escapeHtml(m[0]) + "</mark>";
      last = m.index + m[0].length;
    }
    return out + escapeHtml(text.slice(last));
  }

  // About 160 characters of `text` around the first hit, highlighted.
  function excerpt(text, res) {
    var at = -1, re = null;
    for (var i = 0; i < res.length && at < 0; i++) {
      if (!res[i]) continue;
      res[i].lastIndex = 0;
      var m = res[i].exec(text);
      if (m) { at = m.index; re = res[i]; }
    }
    var start = Math.max(0, at - 50), end = Math.min(text.length, start + 160);
    var cut = text.slice(start, end);
    return (start > 0 ? "…" : "") + mark(cut, re || res[0]) + (end < text.length ? "…" : "");
  }

  function search(query) {
    var gen = ++generation;
    if (!query.trim()) { results = []; show([], "", null); return; }
    if (!index) {
      status.textContent = "Loading the search index…";
      load().then(function () { if (gen === generation) search(query); },
        function () { status.textContent = "The search index could not be loaded."; });
      return;
    }
    var cs = clauses(query);
    var needed = Array.from(new Set(cs.map(function (c) { return shardOf(c.term); })));
    Promise.all(needed.map(shard)).then(function (list) {
      if (gen !== generation) return null;
      var loaded = {};
      needed.forEach(function (k, i) { loaded[k] = list[i]; });
      var hits = rank(cs, loaded);
      var pages = hits.map(function (h) { return sectionPage[h[0]]; });
      return Promise.all(pages.map(pageSections)).then(function (sections) {
        if (gen !== generation) return;
        var n = needles(query), res = [pattern(n[0]), pattern(n[1])];
        results = hits.map(function (h, i) {
          var page = index.pages[pages[i]];
          var sec = sections[i][h[0] - pageStart[pages[i]]] || ["", "", ""];
          return { url: page[1] + (sec[1] ? "#" + sec[1] : ""), title: page[0], heading: sec[0], text: sec[2] };
        });
        show(results, query, res);
      });
    }).catch(function () {
      if (gen === generation) status.textContent = "The search index could not be loaded.";
    });
  }

  function show(items, query, res) {
    list.textContent = "";
    selected = items.length ? 0 : -1;
    status.textContent = query && !items.length ? "No results for “" + query + "”" : "";
    items.forEach(function (r, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "gen-search-r" + i;
      var re = res && (res[0] || res[1]);
      li.innerHTML = '<a href="' + escapeHtml(r.url) + '"><span class="gen-search-title">' +
        mark(r.title, re) + (r.heading && r.heading !== r.title ? ' <span class="gen-search-sep">›</span> ' + mark(r.heading, re) : "") +
        '</span><span class="gen-search-excerpt">' + excerpt(r.text, res) + "</span></a>";
      li.addEventListener("mousemove", function () { select(i); });
      li.querySelector("a").addEventListener("click", close);
      list.appendChild(li);
    });
    select(selected);
  }

  function select(i) {
    var items = list.children;
    if (!items.length) { input.removeAttribute("aria-activedescendant"); return; }
    selected = (i + items.length) % items.length;
    for (var k = 0; k < items.length; k++) {
      items[k].classList.toggle("selected", k === selected);
      items[k].setAttribute("aria-selected", k === selected ? "true" : "false");
    }
    input.setAttribute("aria-activedescendant", items[selected].id);
    items[selected].scrollIntoView({ block: "nearest" });
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "gen-search";
    dialog.setAttribute("aria-label", "Search");
    dialog.innerHTML =
      '<div class="gen-search-box" role="search"><input type="search" placeholder="Search notes" aria-label="Search" ' +
      'autocomplete="off" spellcheck="false" role="combobox" aria-controls="gen-search-results" aria-expanded="true">' +
      '<button type="button" class="gen-search-close" aria-label="Close search">esc</button></div>' +
      '<p class="gen-search-status" role="status" aria-live="polite"></p>' +
      '<ul class="gen-search-results" id="gen-search-results" role="listbox"></ul>' +
      '<p class="gen-search-keys"><kbd>↑</kbd><kbd>↓</kbd> select <kbd>↵</kbd> open <kbd>esc</kbd> close</p>';
    document.body.appendChild(dialog);
    input = dialog.querySelector("input");
    list = dialog.querySelector(".gen-search-results");
    status = dialog.querySelector(".gen-search-status");
    dialog.querySelector(".gen-search-close").addEventListener("click", close);
    dialog.addEventListener("click", function (e) { if (e.target === dialog) close(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 60);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        select(selected + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Escape") {
        // A search field would clear itself first; Escape closes search at once.
        e.preventDefault();
        close();
      } else if (e.key === "Enter") {
        e.preventDefault();
        var a = list.children[Math.max(selected, 0)];
        if (a) { close(); window.location.href = a.querySelector("a").href; }
      }
    });
  }

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load().catch(function () {});
  }

  function close() {
    if (dialog && dialog.open) dialog.close();
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (e) {
    var k = e.key && e.key.toLowerCase();
    if ((k === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      open();
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-gen-search]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", open);
    });
  });
})();
