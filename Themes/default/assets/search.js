/* The site's search (tim-kiem/). No framework and no fetch: the index is a set
 * of small script files (see SearchFiles.swift) loaded with <script> elements,
 * which browsers allow for a page opened from disk too. Words are cut and folded
 * exactly as SearchTerms.swift does at build time, and ranked as SearchIndex.swift
 * does: head (summary, number...) above body, accent-exact above folded. */
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form) { return; }
  var base = form.getAttribute('data-index');
  var root = form.getAttribute('data-root');
  var say = document.getElementById('search-strings').dataset;
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var moreLine = document.getElementById('search-more-line');
  var selects = { nam: document.getElementById('search-nam'), loai: document.getElementById('search-loai'),
    'linh-vuc': document.getElementById('search-linh-vuc') };
  var PAGE = 20;
  document.getElementById('search-nojs').hidden = true;
  document.getElementById('search-filters').hidden = false;

  // ---- words, as SearchTerms.swift cuts and folds them
  var TONES = { '\u0300': 'F', '\u0301': 'S', '\u0303': 'X', '\u0309': 'R', '\u0323': 'J' };
  var WORD = /(?:[\p{L}\p{N}\p{M}]|(?<=\p{N})\.(?=\p{N}))+/gu;
  function exactKey(token) {
    var letters = '', tones = '';
    for (var ch of token.toLowerCase().normalize('NFD')) {
      if (TONES[ch]) { tones += TONES[ch]; } else if (letters || !/\p{M}/u.test(ch)) { letters += ch; }
    }
    return letters.normalize('NFC') + tones;
  }
  function fold(exact) {
    return exact.replace(/[A-Z]/g, '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  }
  function words(text) {
    var seen = {}, out = [];
    (text.match(WORD) || []).forEach(function (token) {
      var exact = exactKey(token);
      if (exact && !seen[exact]) { seen[exact] = true; out.push({ exact: exact, folded: fold(exact) }); }
    });
    return out;
  }
  function shardKey(folded, length) {
    return Array.from(folded).slice(0, length).map(function (c) { return /[a-z0-9]/.test(c) ? c : '_'; }).join('');
  }

  // ---- the index files, each loaded once
  var loaded = {};
  var data = { manifest: null, words: {}, rows: {}, text: {} };
  window.CKSearch = {
    manifest: function (m) { data.manifest = m; },
    words: function (key, w) { data.words[key] = w; },
    rows: function (key, r) { data.rows[key] = r; },
    text: function (name, t) { data.text[name] = t; }
  };
  function load(path) {
    if (!loaded[path]) {
      loaded[path] = new Promise(function (resolve) {
        // The page names the manifest itself, so that the browser fetches it with this script, not after it.
        var early = document.querySelector('script[data-index-file="' + path + '"]');
        if (early) {
          if (path === 'muc-luc.js' && data.manifest) { resolve(true); return; }
          early.addEventListener('load', function () { resolve(true); });
          early.addEventListener('error', function () { resolve(false); });
          return;
        }
        var script = document.createElement('script');
        script.src = base + path;
        script.onload = function () { resolve(true); };
        script.onerror = function () { resolve(false); };
        document.head.appendChild(script);
      });
    }
    return loaded[path];
  }
  /* The word shards' keys: named by the page itself (data-shards), so that a query's word shards load from the
   * start, beside the manifest, instead of after it; from the manifest for a page that does not name them. */
  var pageShards = form.getAttribute('data-shards');
  var shardSet = null;
  function keySet(keys) {
    var set = {};
    keys.forEach(function (k) { set[k] = true; });
    return set;
  }
  if (pageShards !== null) { shardSet = keySet(pageShards.split(' ')); }
  /* The rows of the newest documents (the last two files), loaded with the word shards: the first results of a
   * common query are the newest documents among those that rank best, and their rows are then there when the
   * ranking is done, where loading them after it would add a round of files. */
  var documents = Number(form.getAttribute('data-documents')), perFile = Number(form.getAttribute('data-rows-per-file'));
  var newestRows = null;
  if (documents > 0 && perFile > 0) {
    var newest = Math.floor((documents - 1) / perFile);
    newestRows = newest > 0 ? [newest, newest - 1] : [newest];
  }
  function shardOf(folded) {
    var shards = shardSet;
    for (var length = Math.min(6, Array.from(folded).length); length > 0; length--) {
      var key = shardKey(folded, length);
      if (shards[key]) { return key; }
    }
    return null;
  }

  // ---- postings: see SearchIndex.encode
  var DIGIT = new Int8Array(128).fill(-1);
  '0123456789abcdefghijklmnopqrstuv'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ()'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = 32 + i; });

  // ---- ranking: as SearchIndex.search
  /* A fresh browser runs this once, mostly before its compiler has looked at it: so no function is called per
   * posting or per document, and each document is visited once per query word. */
  function rank(query, filters) {
    var m = data.manifest, count = m.count;
    var total = null, headAll = new Uint8Array(count);
    var best = new Uint8Array(count), bestHead = new Uint8Array(count);
    query.forEach(function (word) {
      var forms = (data.words[word.shard] || {})[word.folded] || [];
      var accented = word.exact !== word.folded;
      best.fill(0);
      bestHead.fill(0);
      for (var f = 0; f < forms.length; f += 2) {
        // the score a posting of this form gives (SearchIndex.score): in the head, in the body
        var exact = accented && forms[f] === word.exact, headScore = exact ? 6 : 4, bodyScore = exact ? 2 : 1;
        // each posting decoded in place (see SearchIndex.encode): this loop runs for every posting of every query word
        var text = forms[f + 1], value = 0, doc = 0;
        for (var i = 0; i < text.length; i++) {
          var digit = DIGIT[text.charCodeAt(i)];
          if (digit >= 32) { value = value * 32 + digit - 32; continue; }
          value = value * 32 + digit;
          doc += value >> 1;
          if (value & 1) {
            if (headScore > best[doc]) { best[doc] = headScore; }
            bestHead[doc] = 1;
          } else if (bodyScore > best[doc]) { best[doc] = bodyScore; }
          value = 0;
        }
      }
      // a document's total counts while every word is in it; it is in the body when some word is in its body only
      var d;
      if (!total) {
        total = new Int32Array(count);
        for (d = 0; d < count; d++) { total[d] = best[d]; headAll[d] = bestHead[d]; }
      } else {
        for (d = 0; d < count; d++) { total[d] = total[d] && best[d] ? total[d] + best[d] : 0; headAll[d] &= bestHead[d]; }
      }
    });
    // the filters as numbers of the manifest's lists, compared without making a string per document
    var year = filters.nam && String(Number(filters.nam)) === filters.nam ? Number(filters.nam) : NaN;
    var type = filters.loai ? listNumber(m.types, filters.loai) : 0;
    var field = filters['linh-vuc'] ? listNumber(m.fields, filters['linh-vuc']) : 0;
    // best first, then in document order (newest first): one list per score, filled in document order, in place
    // of a sort with a comparison function, which took longer than the rest of the ranking for common words
    var byScore = [];
    for (var i = 0; i < count; i++) {
      if (total && !total[i]) { continue; }
      if (filters.nam && m.year[i] !== year) { continue; }
      if (type && m.type[i] !== type) { continue; }
      if (field && m.field[i] !== field) { continue; }
      var s = total ? total[i] : 0;
      (byScore[s] || (byScore[s] = [])).push({ doc: i, score: s, inBody: total ? !headAll[i] : false });
    }
    var results = [];
    for (var t = byScore.length - 1; t >= 0; t--) { if (byScore[t]) { results = results.concat(byScore[t]); } }
    return results;
  }
  /* The number (from 1) of the manifest's type or field whose slug is `slug`; -1, which no document has, for none. */
  function listNumber(list, slug) {
    for (var i = 0; i < list.length; i++) { if (list[i][0] === slug) { return i + 1; } }
    return -1;
  }

  /* Where a document's context is (SearchFiles.places): its type's slug and its place among the
   * documents of that type, oldest first; in the file of `textsPerFile` places that holds it. */
  function places(m) {
    var next = {};
    m.slug = new Array(m.count);
    m.place = new Int32Array(m.count);
    for (var d = m.count - 1; d >= 0; d--) {
      var slug = m.type[d] ? m.types[m.type[d] - 1][0] : '_';
      m.slug[d] = slug;
      m.place[d] = next[slug] = (next[slug] || 0) + 1;
      m.place[d] -= 1;
    }
  }
  /* Rows are kept `rowsPerShard` a file in date order, oldest first (SearchFiles): a document's file and its row in it. */
  function rowShard(m, doc) { return String(Math.floor((m.count - 1 - doc) / m.rowsPerShard)); }
  function rowIndex(m, doc) { return (m.count - 1 - doc) % m.rowsPerShard; }

  // ---- matched words in context
  var foldCache = {};
  function foldChar(c) {
    if (foldCache[c] === undefined) {
      var f = c.toLowerCase().normalize('NFD').charAt(0);
      foldCache[c] = f === 'đ' ? 'd' : (f.length === 1 ? f : c);
    }
    return foldCache[c];
  }
  function foldText(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) { out += foldChar(text.charAt(i)); }
    return out;
  }
  function isWordChar(c) { return c !== undefined && c !== '' && /[\p{L}\p{N}\p{M}]/u.test(c); }
  /* The places in `text` where a query word stands as a whole word. */
  function matches(text, folded, query) {
    var found = [];
    query.forEach(function (word) {
      var at = folded.indexOf(word.folded);
      while (at >= 0) {
        var end = at + word.folded.length;
        if (!isWordChar(folded.charAt(at - 1)) && !isWordChar(folded.charAt(end))) { found.push([at, end]); }
        at = folded.indexOf(word.folded, at + 1);
      }
    });
    return found.sort(function (a, b) { return a[0] - b[0]; });
  }
  function marked(element, text, from, to, found) {
    var at = from;
    found.forEach(function (m) {
      if (m[0] < at || m[1] > to) { return; }
      element.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(m[0], m[1]);
      element.appendChild(mark);
      at = m[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, to)));
  }
  function context(element, text, query) {
    var found = matches(text, foldText(text), query);
    if (!found.length) { return false; }
    var from = Math.max(0, found[0][0] - 80), to = Math.min(text.length, found[0][1] + 160);
    if (from > 0) { var space = text.indexOf(' ', from); if (space >= 0 && space < found[0][0]) { from = space + 1; } }
    if (to < text.length) { var last = text.lastIndexOf(' ', to); if (last > found[0][1]) { to = last; } }
    element.appendChild(document.createTextNode(from > 0 ? '…' : ''));
    marked(element, text, from, to, found);
    element.appendChild(document.createTextNode(to < text.length ? '…' : ''));
    return true;
  }

  // ---- the page
  var current = null;
  function filtersFromURL(params) {
    return { nam: params.get('nam') || '', loai: params.get('loai') || '', 'linh-vuc': params.get('linh-vuc') || '' };
  }
  function fillSelect(select, options, chosen) {
    options.forEach(function (o) {
      var option = document.createElement('option');
      option.value = o[0];
      option.textContent = o[1];
      select.appendChild(option);
    });
    select.value = chosen;
  }
  function show(results, from, query, started) {
    var m = data.manifest, shown = results.slice(from, from + PAGE);
    var shards = {};
    shown.forEach(function (r) { shards[rowShard(m, r.doc)] = true; });
    // the list as soon as its rows are there; the passages for context after, so that they do not hold the rows up
    var items = {};
    return Promise.all(Object.keys(shards).map(function (key) { return load('vb/' + key + '.js'); })).then(function () {
      shown.forEach(function (r) {
        var row = (data.rows[rowShard(m, r.doc)] || [])[rowIndex(m, r.doc)];
        if (!row) { return; }
        var item = document.createElement('li');
        item.className = 'search-result';
        var meta = document.createElement('p');
        meta.className = 'result-meta';
        [row[1], row[2], row[3]].forEach(function (part, i) {
          if (!part) { return; }
          var span = document.createElement('span');
          span.className = ['result-type', 'result-number', 'result-date'][i];
          span.textContent = part;
          meta.appendChild(span);
          meta.appendChild(document.createTextNode(' '));
        });
        var title = document.createElement('h2');
        title.className = 'result-title';
        var link = document.createElement('a');
        link.href = root + row[0] + 'index.html';
        marked(link, row[4], 0, row[4].length, matches(row[4], foldText(row[4]), query));
        title.appendChild(link);
        item.appendChild(title);
        item.appendChild(meta);
        list.appendChild(item);
        items[r.doc] = item;
      });
      list.setAttribute('data-results-ms', String(Math.round(performance.now() - started)));
      var texts = shown.filter(function (r) { return r.inBody && query.length; }).map(function (r) {
        var name = m.slug[r.doc] + '-' + m.place[r.doc];
        var file = m.slug[r.doc] + '-' + Math.floor(m.place[r.doc] / (m.textsPerFile || 1));
        return { name: name, doc: r.doc, loaded: load('nd/' + file + '.js') };
      });
      return Promise.all(texts.map(function (t) {
        return t.loaded.then(function () {
          var text = data.text[t.name];
          if (!text || !items[t.doc]) { return; }
          var line = document.createElement('p');
          line.className = 'result-context';
          var label = document.createElement('span');
          label.className = 'result-where';
          label.textContent = say.body + ': ';
          line.appendChild(label);
          if (context(line, text, query)) { items[t.doc].appendChild(line); }
        });
      }));
    }).then(function () {
      moreLine.hidden = from + PAGE >= results.length;
      list.setAttribute('data-shown', String(list.children.length));
      list.setAttribute('data-ms', String(Math.round(performance.now() - started)));
      list.setAttribute('data-state', 'done');
    });
  }
  /* 8973 as "8.973", as toLocaleString('vi') writes it: which loads the browser's locale data on its first call,
   * 15–40 ms in a fresh browser, longer than the whole ranking. */
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, '.'); }
  function loadWords(query) {
    query.forEach(function (w) { w.shard = shardOf(w.folded); });
    return Promise.all(query.map(function (w) { return w.shard ? load('tu/' + w.shard + '.js') : null; }));
  }
  function run() {
    var started = performance.now();
    var params = new URLSearchParams(location.search);
    var q = params.get('q') || '', filters = filtersFromURL(params);
    input.value = q;
    list.textContent = '';
    list.setAttribute('data-state', 'searching');
    moreLine.hidden = true;
    var query = words(q);
    // the word shards at once when the page names them: loading them is not held up by the manifest's
    var wordsLoaded = shardSet ? loadWords(query) : null;
    if (newestRows) { newestRows.forEach(function (n) { load('vb/' + n + '.js'); }); }
    return load('muc-luc.js').then(function (ok) {
      if (!ok || !data.manifest) { status.textContent = say.failed; document.getElementById('search-nojs').hidden = false; return; }
      var m = data.manifest;
      if (!m.placed) {
        m.placed = true;
        if (!shardSet) { shardSet = keySet(m.shards); }
        places(m);
        fillSelect(selects.nam, m.years.map(function (y) { return [String(y), String(y)]; }), filters.nam);
        fillSelect(selects.loai, m.types, filters.loai);
        if (m.fields.length) {
          fillSelect(selects['linh-vuc'], m.fields, filters['linh-vuc']);
          document.getElementById('search-field-choice').hidden = false;
        }
      }
      Object.keys(selects).forEach(function (k) { selects[k].value = filters[k]; });
      if (!query.length && !filters.nam && !filters.loai && !filters['linh-vuc']) {
        status.textContent = '';
        list.setAttribute('data-state', 'done');
        return;
      }
      status.textContent = say.loading;
      return (wordsLoaded || loadWords(query)).then(function () {
        var ranking = performance.now();
        var results = rank(query, filters);
        list.setAttribute('data-rank-ms', (performance.now() - ranking).toFixed(1));
        current = { results: results, query: query, from: 0 };
        status.textContent = results.length ? say.results.replace('{n}', grouped(results.length)) : say.none;
        return show(results, 0, query, started);
      });
    });
  }
  function go(event) {
    if (event) { event.preventDefault(); }
    var params = new URLSearchParams();
    if (input.value.trim()) { params.set('q', input.value.trim()); }
    Object.keys(selects).forEach(function (k) { if (selects[k].value) { params.set(k, selects[k].value); } });
    var search = params.toString() ? '?' + params.toString() : '';
    try {
      history.pushState(null, '', location.pathname + search);
    } catch (e) {
      location.search = search; // some browsers refuse pushState from disk: load the page again instead
      return;
    }
    run();
  }
  form.addEventListener('submit', go);
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener('change', go); });
  window.addEventListener('popstate', run);
  document.getElementById('search-more').addEventListener('click', function () {
    if (!current) { return; }
    current.from += PAGE;
    var first = list.children.length;
    show(current.results, current.from, current.query, performance.now()).then(function () {
      var next = list.children[first];
      if (next) { next.querySelector('a').focus(); }
    });
  });
  run();
}());
