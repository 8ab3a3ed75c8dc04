/* auditor HTML report: filters, paging, document views and side-by-side pairs.
 *
 * All data comes from JSON islands and is untrusted document text.  The DOM is
 * built with createElement / textContent only; no HTML string is ever parsed,
 * and the only href values written are in-page fragments built from indexes.
 */
(function () {
  'use strict';
  if (window.performance && performance.mark) performance.mark('report-init');

  var FINDING_PAGE = 200;
  var DOC_PAGE = 200;
  var DOCVIEW_PAGE = 100;
  var PAIR_PAGE = 50;
  var SEV_RANK = { error: 3, warning: 2, info: 1 };
  var CHANGE_LABELS = { number: '数字', name: '名称', insert: '插入', delete: '删除', replace: '替换' };

  var DATA = JSON.parse(document.getElementById('audit-data').textContent);
  // Documents travel as compact rows: coded columns are indexes into value
  // tables, and a numeric title is the agency followed by a title-table entry.
  // Trailing columns equal to their default (t.defaults) are left out of a row.
  var DOCS = (function (t) {
    var fields = t.fields, nf = fields.length, titles = t.values.title;
    var coded = fields.map(function (name) { return t.coded.indexOf(name) >= 0 ? t.values[name] : null; });
    var defaults = fields.map(function (name) {
      return Object.prototype.hasOwnProperty.call(t.defaults, name) ? t.defaults[name] : null;
    });
    var out = new Array(t.rows.length);
    for (var i = 0; i < t.rows.length; i++) {
      var row = t.rows[i], d = { i: i };
      for (var j = 0; j < nf; j++) {
        var v = j < row.length ? row[j] : defaults[j];
        d[fields[j]] = (coded[j] && typeof v === 'number') ? coded[j][v] : v;
      }
      if (typeof d.title === 'number') d.title = d.agency + titles[d.title];
      out[i] = d;
    }
    return out;
  })(DATA.docs);
  var FINDINGS = DATA.findings;
  var SNIPS = DATA.snips;
  var CONTEXT = DATA.context;
  // The pairs travel in their own island after the script (the copies
  // section is far down the page): read once the parser has passed it.
  var PAIRS = [];
  var RULES = DATA.rules;
  var L = DATA.labels;
  var N_FINDINGS = DATA.n_findings;

  // The agencies and years a finding concerns, for the filters.
  FINDINGS.forEach(function (f) {
    var ag = {}, yr = {};
    f.docs.forEach(function (i) {
      var d = DOCS[i];
      if (d.agency) ag[d.agency] = true;
      if (d.year !== null && d.year !== undefined) yr[d.year] = true;
    });
    f.agencies = Object.keys(ag).sort();
    f.years = Object.keys(yr);
    var first = f.docs.length ? DOCS[f.docs[0]] : null;
    f.agency = first ? first.agency : '';
    f.year = first && first.year !== null && first.year !== undefined ? first.year : '';
  });

  // ---------------------------------------------------------------- helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    if (children) append(node, children);
    return node;
  }

  function append(node, children) {
    children.forEach(function (c) {
      if (c === null || c === undefined || c === '') return;
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function token(s) {
    return String(s).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function label(table, key) {
    return (L[table] && Object.prototype.hasOwnProperty.call(L[table], key)) ? L[table][key] : key;
  }

  function pct(x) {
    return (Number(x) * 100).toFixed(1) + '%';
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // Evidence in context: cut out of its document's window (DATA.snips), or
  // carried inline (before / text / after) when the window could not be sent.
  function evContext(ev) {
    if (ev.before !== undefined || ev.s === null || ev.s === undefined) {
      return { before: ev.before || '', text: ev.text || '', after: ev.after || '', cb: !!ev.cb, ca: !!ev.ca };
    }
    var sn = SNIPS[ev.d];
    if (sn) {
      var lo = Math.max(0, ev.s - CONTEXT), hi = Math.min(sn.n, ev.e + CONTEXT);
      for (var k = 0; k < sn.w.length; k++) {
        var o = sn.w[k][0], t = sn.w[k][1];
        if (o <= lo && hi <= o + t.length) {
          return { before: t.slice(lo - o, ev.s - o), text: t.slice(ev.s - o, ev.e - o), after: t.slice(ev.e - o, hi - o), cb: lo > 0, ca: hi < sn.n };
        }
      }
    }
    return { before: '', text: ev.text || '', after: '', cb: false, ca: false };
  }

  // The text islands follow the script, so the lists are usable while the
  // parser is still reading them; a view that needs a text waits for them.
  function textsReady() {
    return document.readyState !== 'loading';
  }

  function whenParsed(fn) {
    if (textsReady()) fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  function afterTexts(container, fn) {
    if (textsReady()) return false;
    if (!container.querySelector('.loading')) {
      container.appendChild(el('p', { class: 'muted loading', role: 'status' }, ['正在载入全文… Loading texts…']));
    }
    document.addEventListener('DOMContentLoaded', function () {
      var note = container.querySelector('.loading');
      if (note) note.parentNode.removeChild(note);
      fn();
    });
    return true;
  }

  function hasText(i) {
    return DOCS[i] && DOCS[i].t !== null && DOCS[i].t !== undefined;
  }

  // Texts are grouped into chunk islands; a chunk is parsed when one of its
  // documents is first shown, and the last one parsed is kept.
  var textCache = {};
  var lastChunk = { k: null, value: null };
  function docText(i) {
    if (Object.prototype.hasOwnProperty.call(textCache, i)) return textCache[i];
    if (!textsReady()) return null;
    var d = DOCS[i], t = null;
    if (d && d.t !== null && d.t !== undefined) {
      if (lastChunk.k !== d.t) {
        var node = byId('doc-texts-' + d.t);
        lastChunk.k = d.t;
        lastChunk.value = null;
        if (node) {
          try { lastChunk.value = JSON.parse(node.textContent); } catch (e) { lastChunk.value = null; }
        }
      }
      if (lastChunk.value && Object.prototype.hasOwnProperty.call(lastChunk.value, String(i))) t = lastChunk.value[String(i)];
    }
    textCache[i] = typeof t === 'string' ? t : null;
    return textCache[i];
  }

  function sevBadge(s) {
    return el('span', { class: 'badge sev-' + token(s) }, [
      el('span', { class: 'sev-icon', 'aria-hidden': 'true' }), label('severity', s) + ' ' + s
    ]);
  }

  function statusBadge(s) {
    return el('span', { class: 'status st-' + token(s), title: s }, [label('status', s)]);
  }

  function docLink(i) {
    var d = DOCS[i];
    return el('a', { href: '#doc-' + i, class: 'doclink', 'data-doc': i, title: d.title || d.id }, [d.id]);
  }

  function docMeta(i) {
    var d = DOCS[i];
    var bits = [];
    if (d.agency) bits.push(d.agency);
    if (d.year !== null && d.year !== undefined) bits.push(String(d.year));
    return bits.length ? el('span', { class: 'muted' }, [' ' + bits.join(' · ')]) : null;
  }

  function ruleLink(rule) {
    var r = RULES[rule];
    if (r) return el('a', { href: '#' + r.anchor, class: 'rule-link', title: r.title || rule }, [rule]);
    return el('code', { class: 'rule-link' }, [rule]);
  }

  // ------------------------------------------------------------- findings

  var evidenceByDoc = {};
  FINDINGS.forEach(function (f) {
    f.ev.forEach(function (ev, k) {
      if (ev.s === null || ev.s === undefined) return;
      (evidenceByDoc[ev.d] = evidenceByDoc[ev.d] || []).push({
        s: ev.s, e: ev.e, f: f.n, k: k, sev: f.sev, title: '[' + f.rule + '] ' + f.msg
      });
    });
  });

  function haystack(f) {
    if (f._hay === undefined) {
      var parts = [f.msg, f.rule, f.cat, label('category', f.cat), f.id, f.eq || '', 'F' + (f.n + 1)];
      f.docs.forEach(function (d) { parts.push(DOCS[d].id, DOCS[d].title, DOCS[d].agency); });
      f.ev.forEach(function (ev) { parts.push(evContext(ev).text); });
      f._hay = parts.join('\n').toLowerCase();
    }
    return f._hay;
  }

  var filterForm = byId('filters');
  var findingList = byId('finding-list');
  var findingMore = byId('finding-more');
  var findingCount = byId('finding-count');
  var fState = { list: FINDINGS, shown: 0 };

  function checked(name) {
    var out = {};
    Array.prototype.forEach.call(filterForm.querySelectorAll('input[name="' + name + '"]'), function (box) {
      out[box.value] = box.checked;
    });
    return out;
  }

  function readFilters() {
    var els = filterForm.elements;
    return {
      sev: checked('severity'),
      status: checked('status'),
      category: els.category.value,
      rule: els.rule.value,
      agency: els.agency.value.trim(),
      // a select names one agency; the text box (huge corpora) matches part of a name
      agencyExact: els.agency.tagName === 'SELECT',
      year: els.year.value,
      terms: els.q.value.toLowerCase().split(/\s+/).filter(Boolean)
    };
  }

  function matches(f, flt) {
    if (Object.prototype.hasOwnProperty.call(flt.sev, f.sev) && !flt.sev[f.sev]) return false;
    if (Object.prototype.hasOwnProperty.call(flt.status, f.status) && !flt.status[f.status]) return false;
    if (flt.category && f.cat !== flt.category) return false;
    if (flt.rule && f.rule !== flt.rule) return false;
    if (flt.agency) {
      if (flt.agencyExact ? f.agencies.indexOf(flt.agency) < 0
        : !f.agencies.some(function (a) { return a.indexOf(flt.agency) >= 0; })) return false;
    }
    if (flt.year && f.years.map(String).indexOf(flt.year) < 0) return false;
    if (flt.terms.length) {
      var hay = haystack(f);
      for (var t = 0; t < flt.terms.length; t++) if (hay.indexOf(flt.terms[t]) < 0) return false;
    }
    return true;
  }

  function applyFilters() {
    var flt = readFilters();
    fState.list = FINDINGS.filter(function (f) { return matches(f, flt); });
    fState.shown = 0;
    findingList.textContent = '';
    renderMoreFindings();
  }

  function renderMoreFindings() {
    var frag = document.createDocumentFragment();
    var end = Math.min(fState.list.length, fState.shown + FINDING_PAGE);
    for (var k = fState.shown; k < end; k++) frag.appendChild(findingCard(fState.list[k]));
    findingList.appendChild(frag);
    fState.shown = end;
    var n = fState.list.length, m = FINDINGS.length;
    findingCount.textContent = '显示 ' + n + ' / 共 ' + m + ' 条 (showing ' + n + ' of ' + m + ')' +
      (end < n ? ' · 已载入 ' + end + ' 条 (' + end + ' loaded)' : '') +
      (N_FINDINGS > m ? ' · 另有 ' + (N_FINDINGS - m) + ' 条只在 findings.json / CSV 中 (' + (N_FINDINGS - m) + ' more only in findings.json / CSV)' : '');
    findingCount.setAttribute('data-shown', String(n));
    findingCount.setAttribute('data-total', String(m));
    findingCount.setAttribute('data-all', String(N_FINDINGS));
    findingMore.hidden = end >= n;
    findingMore.textContent = '显示更多 More (' + end + ' / ' + n + ')';
    if (!m) findingList.appendChild(el('p', { class: 'empty' }, ['没有发现问题。No findings.']));
    else if (!n) findingList.appendChild(el('p', { class: 'empty' }, ['没有符合筛选条件的问题。No finding matches the filters.']));
  }

  function findingCard(f) {
    var card = el('article', {
      class: 'finding sev-' + token(f.sev),
      id: 'f-' + f.n,
      'data-severity': f.sev,
      'data-category': f.cat,
      'data-rule': f.rule,
      'data-agency': f.agency,
      'data-year': f.year,
      'data-status': f.status,
      'data-finding-id': f.id
    });
    var head = el('header', { class: 'f-head' }, [
      sevBadge(f.sev),
      ruleLink(f.rule),
      el('span', { class: 'cat' }, [label('category', f.cat) + ' ', el('code', {}, [f.cat])]),
      statusBadge(f.status),
      el('a', { class: 'permalink', href: '#f-' + f.n, title: '问题编号 Finding number; id ' + f.id }, ['F' + (f.n + 1)])
    ]);
    card.appendChild(head);
    card.appendChild(el('p', { class: 'msg' }, [f.msg]));
    if (f.reason) card.appendChild(el('p', { class: 'reason' }, ['状态说明 Reason: ', f.reason]));

    if (f.docs.length) {
      var docs = el('p', { class: 'f-docs' }, [el('span', { class: 'k' }, ['文档 Documents '])]);
      f.docs.forEach(function (d, j) {
        if (j) docs.appendChild(document.createTextNode('；'));
        append(docs, [docLink(d), docMeta(d)]);
      });
      if (f.pair !== undefined) {
        append(docs, [' ', el('a', { href: '#pair-' + f.pair, class: 'pairlink', 'data-pair': f.pair }, ['⇄ 左右对照 Side-by-side'])]);
      }
      card.appendChild(docs);
    }

    if (f.eq) {
      card.appendChild(el('div', { class: 'equation' }, [
        el('span', { class: 'k' }, ['等式 Equation']), el('code', { lang: 'zh-CN' }, [f.eq])
      ]));
    }
    if (f.stated !== undefined || f.computed !== undefined) {
      var dl = el('dl', { class: 'values' });
      if (f.stated !== undefined) append(dl, [el('dt', {}, ['报告值 Stated']), el('dd', {}, [f.stated])]);
      if (f.computed !== undefined) append(dl, [el('dt', {}, ['计算值 Computed']), el('dd', {}, [f.computed])]);
      card.appendChild(dl);
    }
    if (f.table) card.appendChild(tableView(f.table));
    f.ev.forEach(function (ev, k) { card.appendChild(evidenceBlock(f, ev, k)); });
    if (f.extra) {
      var det = el('details', { class: 'extra' }, [el('summary', {}, ['其他数据 Other data'])]);
      var xdl = el('dl', {});
      f.extra.forEach(function (kv) { append(xdl, [el('dt', {}, [kv[0]]), el('dd', {}, [kv[1]])]); });
      det.appendChild(xdl);
      card.appendChild(det);
    }
    return card;
  }

  function tableView(t) {
    var marked = {};
    t.marked.forEach(function (m) { marked[m[0] + ',' + m[1]] = true; });
    var fig = el('figure', { class: 'ftable' });
    if (t.title) fig.appendChild(el('figcaption', {}, [t.title]));
    var scroll = el('div', { class: 'table-scroll' });
    var table = el('table', {});
    var body = el('tbody', {});
    t.rows.forEach(function (row, r) {
      var tr = el('tr', {});
      row.forEach(function (cell, c) {
        var bad = marked[r + ',' + c] === true;
        var td = el(r === 0 ? 'th' : 'td', {
          class: bad ? 'bad' : null,
          scope: r === 0 ? 'col' : null,
          title: bad ? '不一致 Inconsistent cell' : null,
          'aria-label': bad ? cell + '（✗ 不一致 inconsistent）' : null
        });
        if (bad) td.appendChild(el('span', { class: 'xmark', 'aria-hidden': 'true' }, ['✗']));
        td.appendChild(document.createTextNode(cell));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    scroll.appendChild(table);
    fig.appendChild(scroll);
    if (t.marked.length) {
      fig.appendChild(el('p', { class: 'legend' }, [
        el('span', { class: 'xmark', 'aria-hidden': 'true' }, ['✗']),
        ' 标记的单元格不满足勾稽关系 (marked cells take part in the failed identity)'
      ]));
    }
    return fig;
  }

  function evidenceBlock(f, ev, k) {
    var d = DOCS[ev.d];
    var box = el('div', { class: 'evidence' });
    var head = el('div', { class: 'ev-head' }, [el('span', { class: 'k' }, ['证据 Evidence ']), docLink(ev.d)]);
    if (ev.s !== null && ev.s !== undefined) head.appendChild(el('span', { class: 'muted' }, [' · 字符 chars ' + ev.s + '–' + ev.e]));
    if (ev.s !== null && ev.s !== undefined && hasText(ev.d)) {
      append(head, [' ', el('a', {
        href: '#doc-' + ev.d, class: 'show-in-doc', 'data-doc': ev.d, 'data-f': f.n, 'data-ev': k
      }, ['在文档中显示 Show in document'])]);
    }
    box.appendChild(head);
    var cx = evContext(ev);
    box.appendChild(el('blockquote', { class: 'ctx', lang: 'zh-CN' }, [
      cx.cb ? el('span', { class: 'ell', 'aria-hidden': 'true' }, ['…']) : null,
      cx.before,
      el('mark', { class: 'ev sev-' + token(f.sev) }, [cx.text || '（空 empty）']),
      cx.after,
      cx.ca ? el('span', { class: 'ell', 'aria-hidden': 'true' }, ['…']) : null
    ]));
    if (ev.note) box.appendChild(el('p', { class: 'note' }, ['⚠ ', ev.note]));
    if (ev.quoted) box.appendChild(el('p', { class: 'note' }, ['报告的证据文本 Quoted evidence: ', el('q', {}, [ev.quoted])]));
    return box;
  }

  function revealFinding(n) {
    var card = byId('f-' + n);
    if (!card) {
      filterForm.reset();
      fState.list = FINDINGS;
      fState.shown = 0;
      findingList.textContent = '';
      renderMoreFindings();
      var pos = 0;
      for (var k = 0; k < FINDINGS.length; k++) if (FINDINGS[k].n === n) { pos = k; break; }
      while (fState.shown <= pos && fState.shown < fState.list.length) renderMoreFindings();
      card = byId('f-' + n);
    }
    if (card) flash(card, true);
  }

  // ------------------------------------------------------- documents table

  // Created on first sort: building a Chinese collator costs a few hundred ms.
  var collator;
  function collate(a, b) {
    if (collator === undefined) {
      collator = (typeof Intl !== 'undefined' && Intl.Collator) ? new Intl.Collator('zh-Hans-CN', { numeric: true }) : null;
    }
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  var docTable = byId('doc-table');
  var docBody = docTable.querySelector('tbody');
  var docMore = byId('doc-more');
  var docCount = byId('doc-count');
  var docFilter = byId('doc-filter');
  var dState = { rows: DOCS.filter(function (d) { return !d.stub; }), list: null, shown: 0, key: null, dir: 1 };
  dState.list = dState.rows;

  function compareDocs(key, dir) {
    return function (x, y) {
      var a = x[key], b = y[key];
      var an = a === null || a === undefined || a === '', bn = b === null || b === undefined || b === '';
      if (an || bn) return an === bn ? x.i - y.i : (an ? 1 : -1);
      var c;
      if (typeof a === 'number' && typeof b === 'number') c = a - b;
      else c = collate(String(a), String(b));
      return c ? c * dir : x.i - y.i;
    };
  }

  function refreshDocs() {
    var q = docFilter.value.trim().toLowerCase();
    var list = q ? dState.rows.filter(function (d) {
      return (d.id + '\n' + d.title + '\n' + d.agency + '\n' + (d.year || '')).toLowerCase().indexOf(q) >= 0;
    }) : dState.rows.slice();
    if (dState.key) list.sort(compareDocs(dState.key, dState.dir));
    dState.list = list;
    dState.shown = 0;
    docBody.textContent = '';
    renderMoreDocs();
  }

  function countCell(n, sev) {
    return el('td', { class: 'num' + (n ? ' has-' + sev : ' zero') }, [String(n)]);
  }

  function renderMoreDocs() {
    var frag = document.createDocumentFragment();
    var end = Math.min(dState.list.length, dState.shown + DOC_PAGE);
    for (var k = dState.shown; k < end; k++) {
      var d = dState.list[k];
      frag.appendChild(el('tr', { 'data-doc-row': d.i }, [
        el('td', { class: 'id' }, [docLink(d.i)]),
        el('td', { class: 'title' }, [d.title]),
        el('td', {}, [d.agency]),
        el('td', { class: 'num' }, [d.year === null ? '' : String(d.year)]),
        el('td', {}, [label('kind', d.kind)]),
        el('td', {}, [d.format]),
        el('td', { class: 'num' }, [d.chars === null ? '' : String(d.chars)]),
        countCell(d.e, 'error'), countCell(d.w, 'warning'), countCell(d.n_info, 'info')
      ]));
    }
    docBody.appendChild(frag);
    dState.shown = end;
    docCount.textContent = '显示 ' + dState.list.length + ' / 共 ' + dState.rows.length + ' 篇 (showing ' +
      dState.list.length + ' of ' + dState.rows.length + ')';
    docMore.hidden = end >= dState.list.length;
    docMore.textContent = '显示更多 More (' + end + ' / ' + dState.list.length + ')';
  }

  Array.prototype.forEach.call(docTable.querySelectorAll('th button[data-sort]'), function (btn) {
    btn.addEventListener('click', function () {
      var key = btn.getAttribute('data-sort');
      var numeric = ['chars', 'e', 'w', 'n_info'].indexOf(key) >= 0;
      if (dState.key === key) dState.dir = -dState.dir;
      else { dState.key = key; dState.dir = numeric ? -1 : 1; }
      Array.prototype.forEach.call(docTable.querySelectorAll('th'), function (th) { th.setAttribute('aria-sort', 'none'); });
      btn.parentNode.setAttribute('aria-sort', dState.dir > 0 ? 'ascending' : 'descending');
      refreshDocs();
    });
  });

  var docFilterTimer = null;
  docFilter.addEventListener('input', function () {
    clearTimeout(docFilterTimer);
    docFilterTimer = setTimeout(refreshDocs, 120);
  });
  docMore.addEventListener('click', renderMoreDocs);

  // ----------------------------------------------------- document views

  var docViews = {};
  var docViewList = byId('doc-views');
  var openedDocs = byId('opened-docs');
  var docViewMore = byId('docview-more');
  var vState = { shown: 0 };

  function docView(i) {
    var d = DOCS[i];
    var det = el('details', { class: 'docview', id: 'doc-' + i, 'data-doc': i });
    var sum = el('summary', {}, [el('span', { class: 'docid' }, [d.id])]);
    if (d.title) append(sum, [' ', el('span', { class: 'doc-title' }, [d.title])]);
    var bits = [];
    if (d.agency) bits.push(d.agency);
    if (d.year !== null) bits.push(String(d.year));
    if (d.kind) bits.push(label('kind', d.kind));
    if (d.chars !== null) bits.push(d.chars + ' 字');
    if (bits.length) append(sum, [' ', el('span', { class: 'muted' }, [bits.join(' · ')])]);
    if (d.e) append(sum, [' ', el('span', { class: 'badge sev-error small' }, ['错误 ' + d.e])]);
    if (d.w) append(sum, [' ', el('span', { class: 'badge sev-warning small' }, ['警告 ' + d.w])]);
    if (d.n_info) append(sum, [' ', el('span', { class: 'badge sev-info small' }, ['提示 ' + d.n_info])]);
    det.appendChild(sum);
    det.addEventListener('toggle', function () { if (det.open) buildDocBody(det, i); });
    return det;
  }

  function buildDocBody(det, i) {
    if (det.getAttribute('data-built')) return;
    if (hasText(i) && afterTexts(det, function () { buildDocBody(det, i); })) return;
    det.setAttribute('data-built', '1');
    var text = docText(i);
    var body = el('div', { class: 'doc-body' });
    if (text === null) {
      body.appendChild(el('p', { class: 'muted' }, ['未嵌入该文档的全文。Text not embedded in this report.']));
    } else {
      var box = el('div', { class: 'doctext', lang: 'zh-CN', tabindex: '0', role: 'region', 'aria-label': '全文 ' + DOCS[i].id });
      fillMarked(box, text, evidenceByDoc[i] || []);
      body.appendChild(box);
    }
    det.appendChild(body);
  }

  // Text with evidence spans marked; overlapping spans are split into segments,
  // each segment carrying every evidence that covers it (data-ev).
  function fillMarked(box, text, spans) {
    var n = text.length;
    var pts = [0, n];
    var list = spans.map(function (sp) {
      var s = Math.max(0, Math.min(n, sp.s)), e = Math.max(s, Math.min(n, sp.e));
      pts.push(s, e);
      return { s: s, e: e, key: sp.f + '-' + sp.k, f: sp.f, sev: sp.sev, title: sp.title };
    });
    pts.sort(function (a, b) { return a - b; });
    var uniq = pts.filter(function (p, j) { return j === 0 || p !== pts[j - 1]; });
    var frag = document.createDocumentFragment();
    for (var x = 0; x < uniq.length; x++) {
      var p = uniq[x];
      list.forEach(function (sp) {
        if (sp.s === sp.e && sp.s === p) {
          frag.appendChild(el('mark', { class: 'ev ev-point sev-' + token(sp.sev), 'data-ev': sp.key, title: sp.title, tabindex: '-1' }, ['‸']));
          frag.appendChild(evRef(sp));
        }
      });
      if (x + 1 >= uniq.length) break;
      var q = uniq[x + 1];
      var cover = list.filter(function (sp) { return sp.s <= p && sp.e >= q && sp.e > sp.s; });
      var chunk = text.slice(p, q);
      if (!cover.length) { frag.appendChild(document.createTextNode(chunk)); continue; }
      var top = cover[0];
      cover.forEach(function (sp) { if ((SEV_RANK[sp.sev] || 0) > (SEV_RANK[top.sev] || 0)) top = sp; });
      frag.appendChild(el('mark', {
        class: 'ev sev-' + token(top.sev),
        'data-ev': cover.map(function (sp) { return sp.key; }).join(' '),
        title: cover.map(function (sp) { return sp.title; }).join('\n'),
        tabindex: '-1'
      }, [chunk]));
      cover.forEach(function (sp) { if (sp.e === q) frag.appendChild(evRef(sp)); });
    }
    box.appendChild(frag);
  }

  function evRef(sp) {
    return el('a', { class: 'evref sev-' + token(sp.sev), href: '#f-' + sp.f, 'data-finding': sp.f, title: sp.title }, ['F' + (sp.f + 1)]);
  }

  function ensureDocView(i) {
    if (!docViews[i]) {
      docViews[i] = docView(i);
      openedDocs.appendChild(docViews[i]);
    }
    return docViews[i];
  }

  function renderMoreDocViews() {
    var real = dState.rows;
    var frag = document.createDocumentFragment();
    var end = Math.min(real.length, vState.shown + DOCVIEW_PAGE);
    for (var k = vState.shown; k < end; k++) {
      var i = real[k].i;
      if (!docViews[i]) { docViews[i] = docView(i); frag.appendChild(docViews[i]); }
    }
    docViewList.appendChild(frag);
    vState.shown = end;
    docViewMore.hidden = end >= real.length;
    docViewMore.textContent = '显示更多 More (' + end + ' / ' + real.length + ')';
  }
  docViewMore.addEventListener('click', renderMoreDocViews);

  function openDocument(i, fn, k) {
    if (!DOCS[i]) return;
    var det = ensureDocView(i);
    det.open = true;
    if (hasText(i) && afterTexts(det, function () { openDocument(i, fn, k); })) {
      det.scrollIntoView({ block: 'start' });
      return;
    }
    buildDocBody(det, i);
    var target = null;
    if (fn !== undefined && fn !== null) {
      var marks = det.querySelectorAll('mark[data-ev~="' + Number(fn) + '-' + Number(k) + '"]');
      Array.prototype.forEach.call(document.querySelectorAll('mark.current'), function (m) { m.classList.remove('current'); });
      Array.prototype.forEach.call(marks, function (m) { m.classList.add('current'); });
      target = marks[0] || null;
    }
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    } else {
      det.scrollIntoView({ block: 'start' });
      det.querySelector('summary').focus({ preventScroll: true });
    }
  }

  function flash(node, focus) {
    node.scrollIntoView({ block: 'start' });
    node.classList.remove('flash');
    void node.offsetWidth;
    node.classList.add('flash');
    if (focus) {
      if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
      node.focus({ preventScroll: true });
    }
  }

  // ------------------------------------------------------------- pairs

  var pairList = byId('pair-list');
  var pairMore = byId('pair-more');
  var pairViews = {};
  var pState = { shown: 0 };

  function pairDetails(p) {
    var det = el('details', { class: 'pair', id: 'pair-' + p.n, 'data-pair': p.n });
    var sum = el('summary', {}, [
      el('span', { class: 'jac', title: 'Jaccard' }, [pct(p.j)]), ' ',
      el('span', { class: 'docid' }, [DOCS[p.a].id]), ' ⇄ ', el('span', { class: 'docid' }, [DOCS[p.b].id]), ' ',
      el('span', { class: 'rel rel-' + token(p.rel) }, [label('relation', p.rel) || '—']), ' ',
      el('span', { class: 'muted' }, ['共享段落 ' + p.shared + (p.boiler ? ' · 模板 ' + p.boiler : '')])
    ]);
    det.appendChild(sum);
    det.addEventListener('toggle', function () { if (det.open) buildPair(det, p); });
    return det;
  }

  function renderMorePairs() {
    var frag = document.createDocumentFragment();
    var end = Math.min(PAIRS.length, pState.shown + PAIR_PAGE);
    for (var k = pState.shown; k < end; k++) {
      var p = PAIRS[k];
      if (!pairViews[p.n]) { pairViews[p.n] = pairDetails(p); frag.appendChild(pairViews[p.n]); }
    }
    pairList.appendChild(frag);
    pState.shown = end;
    pairMore.hidden = end >= PAIRS.length;
    pairMore.textContent = '显示更多 More (' + end + ' / ' + PAIRS.length + ')';
    pairList.setAttribute('data-shown', String(end));
  }

  function ensurePair(n) {
    while (!pairViews[n] && pState.shown < PAIRS.length) renderMorePairs();
    return pairViews[n] || null;
  }

  function sidePassages(p, side, n) {
    var list = p.passages.map(function (ps, k) {
      var s = side === 'a' ? ps.as : ps.bs, e = side === 'a' ? ps.ae : ps.be;
      s = Math.max(0, Math.min(n, s));
      e = Math.max(s, Math.min(n, e));
      return {
        k: k, s: s, e: e, bp: ps.bp,
        changes: ps.changes.map(function (c) {
          var r = c[side];
          return {
            s: r[0], e: r[1], kind: c.kind,
            title: (c.at || '（空）') + ' → ' + (c.bt || '（空）') + ' · ' + (CHANGE_LABELS[c.kind] || c.kind) + ' ' + c.kind
          };
        })
      };
    });
    list.sort(function (x, y) { return x.s - y.s || x.e - y.e || x.k - y.k; });
    var end = 0;
    list.forEach(function (x) {
      if (x.s < end) x.s = Math.min(end, x.e);
      end = Math.max(end, x.e);
    });
    return list;
  }

  function buildPane(text, passages) {
    var pane = el('div', { class: 'pane', lang: 'zh-CN', tabindex: '0' });
    var frag = document.createDocumentFragment();
    var pos = 0;
    passages.forEach(function (ps) {
      if (ps.e <= ps.s) return;
      if (ps.s > pos) frag.appendChild(document.createTextNode(text.slice(pos, ps.s)));
      var span = el('span', {
        class: 'psg c' + (ps.k % 8) + (ps.bp ? ' boiler' : ''),
        'data-p': ps.k,
        tabindex: '0',
        role: 'button',
        title: 'P' + (ps.k + 1) + (ps.bp ? ' 模板 boilerplate' : '') + ' · 点击跳到另一侧 (click: jump to partner)'
      }, [el('span', { class: 'plabel' }, ['P' + (ps.k + 1) + (ps.bp ? ' 模板' : '')])]);
      var q = ps.s;
      var changes = ps.changes.filter(function (c) {
        return typeof c.s === 'number' && typeof c.e === 'number';
      }).map(function (c) {
        var s = Math.max(ps.s, Math.min(ps.e, c.s));
        return { s: s, e: Math.max(s, Math.min(ps.e, c.e)), kind: c.kind, title: c.title };
      }).sort(function (x, y) { return x.s - y.s || x.e - y.e; });
      changes.forEach(function (c) {
        var s = Math.max(c.s, q);
        if (s > q) span.appendChild(document.createTextNode(text.slice(q, s)));
        if (c.e > s) {
          span.appendChild(el('span', { class: 'chg chg-' + token(c.kind), title: c.title }, [text.slice(s, c.e)]));
          q = c.e;
        } else {
          span.appendChild(el('span', { class: 'chg chg-gap chg-' + token(c.kind), title: c.title }, ['‸']));
          q = s;
        }
      });
      if (q < ps.e) span.appendChild(document.createTextNode(text.slice(q, ps.e)));
      frag.appendChild(span);
      pos = ps.e;
    });
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    pane.appendChild(frag);
    return pane;
  }

  function paneColumn(i, pane, side) {
    var d = DOCS[i];
    var head = el('div', { class: 'pane-head' }, [
      el('span', { class: 'side' }, [side]), ' ', docLink(i), docMeta(i)
    ]);
    if (d.title) head.appendChild(el('div', { class: 'pane-title' }, [d.title]));
    return el('div', { class: 'pane-col' }, [head, pane]);
  }

  function buildPair(det, p) {
    if (det.getAttribute('data-built')) return;
    if ((hasText(p.a) || hasText(p.b)) && afterTexts(det, function () { buildPair(det, p); })) return;
    det.setAttribute('data-built', '1');
    var body = el('div', { class: 'pair-body' });
    var metrics = el('dl', { class: 'metrics' });
    append(metrics, [
      el('dt', {}, ['Jaccard 相似度']), el('dd', {}, [pct(p.j)]),
      el('dt', {}, ['A→B 包含度 containment']), el('dd', { title: 'A 的内容有多少见于 B (share of A found in B)' }, [pct(p.cab)]),
      el('dt', {}, ['B→A 包含度 containment']), el('dd', { title: 'B 的内容有多少见于 A (share of B found in A)' }, [pct(p.cba)]),
      el('dt', {}, ['关系 Relation']), el('dd', {}, [label('relation', p.rel) + (p.rel ? ' (' + p.rel + ')' : '')]),
      el('dt', {}, ['共享段落 Shared passages']), el('dd', {}, [String(p.shared) + (p.boiler ? '（另有模板段落 ' + p.boiler + ' 段 boilerplate）' : '')])
    ]);
    body.appendChild(metrics);
    var ta = docText(p.a), tb = docText(p.b);
    if (p.np) {
      body.appendChild(el('p', { class: 'muted' }, ['语料较大，本文档对的全文未嵌入，' + p.np + ' 个共享段落不在报告中显示。' +
        'Large corpus: the texts of this pair are not embedded, so its ' + p.np + ' shared passages are not shown.']));
    } else if (!p.detail || !p.passages.length) {
      body.appendChild(el('p', { class: 'muted' }, ['本文档对没有段落细节。No passage details for this pair.']));
    }
    if (ta === null || tb === null) {
      body.appendChild(el('p', { class: 'muted' }, ['未嵌入全文，无法并排显示。Texts not embedded; no side-by-side view.']));
      det.appendChild(body);
      return;
    }
    var paneA = buildPane(ta, sidePassages(p, 'a', ta.length));
    var paneB = buildPane(tb, sidePassages(p, 'b', tb.length));
    paneA.setAttribute('aria-label', 'A: ' + DOCS[p.a].id);
    paneB.setAttribute('aria-label', 'B: ' + DOCS[p.b].id);
    paneA.setAttribute('data-side', 'a');
    paneB.setAttribute('data-side', 'b');
    var view = { panes: { a: paneA, b: paneB }, root: null };

    if (p.passages.length) body.appendChild(matchList(p, view));
    var grid = el('div', { class: 'sbs' }, [paneColumn(p.a, paneA, 'A'), paneColumn(p.b, paneB, 'B')]);
    body.appendChild(grid);
    view.root = body;

    [paneA, paneB].forEach(function (pane) {
      pane.addEventListener('click', function (ev) {
        var psg = ev.target.closest ? ev.target.closest('.psg') : null;
        if (psg && pane.contains(psg)) syncPassage(view, Number(psg.getAttribute('data-p')), pane.getAttribute('data-side'));
      });
      pane.addEventListener('keydown', function (ev) {
        if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.classList && ev.target.classList.contains('psg')) {
          ev.preventDefault();
          syncPassage(view, Number(ev.target.getAttribute('data-p')), pane.getAttribute('data-side'));
        }
      });
    });
    det.appendChild(body);
  }

  function matchList(p, view) {
    var order = p.passages.map(function (ps, k) { return k; });
    order.sort(function (x, y) {
      var px = p.passages[x], py = p.passages[y];
      return (py.ae - py.as) - (px.ae - px.as) || x - y;
    });
    var det = el('details', { class: 'matches', open: p.passages.length <= 30 }, [
      el('summary', {}, ['段落列表（按长度）Passages by length · ' + p.passages.length])
    ]);
    var ol = el('ol', {});
    order.forEach(function (k) {
      var ps = p.passages[k];
      var btn = el('button', { type: 'button', class: 'match c' + (k % 8) + (ps.bp ? ' boiler' : ''), 'data-p': k }, [
        el('span', { class: 'plabel' }, ['P' + (k + 1)]),
        ' ' + (ps.ae - ps.as) + ' 字 · 相似 ' + pct(ps.sim) + (ps.bp ? ' · 模板 boilerplate' : '')
      ]);
      btn.addEventListener('click', function () {
        var a = view.panes.a.querySelector('.psg[data-p="' + k + '"]');
        if (a) scrollWithin(view.panes.a, a, 8);
        syncPassage(view, k, 'a');
      });
      var li = el('li', {}, [btn]);
      if (ps.changes.length) {
        var ul = el('ul', { class: 'changes' });
        ps.changes.forEach(function (c) {
          ul.appendChild(el('li', {}, [
            el('span', { class: 'chg-kind' }, [(CHANGE_LABELS[c.kind] || c.kind) + ' ']),
            el('del', {}, [c.at || '（空）']), ' → ', el('ins', {}, [c.bt || '（空）'])
          ]));
        });
        li.appendChild(ul);
      }
      ol.appendChild(li);
    });
    det.appendChild(ol);
    return det;
  }

  // Scroll `pane` so that `node` sits `offset` pixels below the pane's top edge.
  function scrollWithin(pane, node, offset) {
    var paneBox = pane.getBoundingClientRect();
    var box = node.getBoundingClientRect();
    var room = pane.clientHeight - Math.min(box.height, pane.clientHeight);
    var off = Math.max(0, Math.min(room, offset));
    pane.scrollTop += (box.top - paneBox.top - pane.clientTop) - off;
  }

  function syncPassage(view, k, fromSide) {
    var other = fromSide === 'a' ? 'b' : 'a';
    var src = view.panes[fromSide], dst = view.panes[other];
    var mine = src.querySelector('.psg[data-p="' + k + '"]');
    var partner = dst.querySelector('.psg[data-p="' + k + '"]');
    Array.prototype.forEach.call(view.root.querySelectorAll('.psg.active, .match.active'), function (x) {
      x.classList.remove('active');
    });
    if (mine) mine.classList.add('active');
    var btn = view.root.querySelector('.match[data-p="' + k + '"]');
    if (btn) btn.classList.add('active');
    if (!partner) return;
    partner.classList.add('active');
    var offset = mine ? mine.getBoundingClientRect().top - src.getBoundingClientRect().top - src.clientTop : 8;
    scrollWithin(dst, partner, offset);
    var paneBox = dst.getBoundingClientRect();
    if (paneBox.bottom < 0 || paneBox.top > window.innerHeight) dst.scrollIntoView({ block: 'nearest' });
  }

  function pairByN(n) {
    for (var k = 0; k < PAIRS.length; k++) if (PAIRS[k].n === n) return PAIRS[k];
    return null;
  }

  function openPair(n) {
    if (!textsReady()) { whenParsed(function () { openPair(n); }); return; }
    var det = ensurePair(n);
    if (!det) return;
    det.open = true;
    buildPair(det, pairByN(n));
    flash(det, false);
    det.querySelector('summary').focus({ preventScroll: true });
  }

  // ------------------------------------------------------------ wiring

  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a, button') : null;
    if (!a) return;
    if (a.classList.contains('show-in-doc')) {
      ev.preventDefault();
      openDocument(Number(a.getAttribute('data-doc')), Number(a.getAttribute('data-f')), Number(a.getAttribute('data-ev')));
    } else if (a.hasAttribute('data-doc') && a.tagName === 'A') {
      ev.preventDefault();
      openDocument(Number(a.getAttribute('data-doc')));
    } else if (a.hasAttribute('data-finding')) {
      ev.preventDefault();
      revealFinding(Number(a.getAttribute('data-finding')));
    } else if (a.hasAttribute('data-pair') && a.tagName === 'A') {
      ev.preventDefault();
      openPair(Number(a.getAttribute('data-pair')));
    } else if (a.hasAttribute('data-only-severity')) {
      var s = a.getAttribute('data-only-severity');
      Array.prototype.forEach.call(filterForm.querySelectorAll('input[name="severity"]'), function (box) {
        box.checked = box.value === s;
      });
      applyFilters();
      byId('findings').scrollIntoView({ block: 'start' });
    } else if (a.hasAttribute('data-only-category')) {
      filterForm.elements.category.value = a.getAttribute('data-only-category');
      applyFilters();
      byId('findings').scrollIntoView({ block: 'start' });
    }
  });

  filterForm.addEventListener('submit', function (ev) { ev.preventDefault(); applyFilters(); });
  filterForm.addEventListener('change', applyFilters);
  filterForm.addEventListener('reset', function () { setTimeout(applyFilters, 0); });
  var searchTimer = null;
  function debounced() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(applyFilters, 120);
  }
  filterForm.elements.q.addEventListener('input', debounced);
  if (filterForm.elements.agency.tagName === 'INPUT') filterForm.elements.agency.addEventListener('input', debounced);
  findingMore.addEventListener('click', renderMoreFindings);
  if (pairMore) pairMore.addEventListener('click', renderMorePairs);

  document.addEventListener('keydown', function (ev) {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    ev.preventDefault();
    filterForm.elements.q.focus();
  });

  function followHash() {
    var m = /^#(doc|f|pair)-(\d+)$/.exec(location.hash);
    if (!m) return;
    var n = Number(m[2]);
    if (m[1] === 'doc') openDocument(n);
    else if (m[1] === 'f') revealFinding(n);
    else openPair(n);
  }
  window.addEventListener('hashchange', followHash);

  // Printing: expand what is rendered (matches, extra data, and the pairs when
  // there are few of them), never the full document texts.
  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    var fewPairs = document.querySelectorAll('details.pair').length <= 10;
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (det) {
      if (det.classList.contains('docview')) return;
      if (det.classList.contains('pair') && !fewPairs) return;
      if (det.classList.contains('pair')) buildPair(det, pairByN(Number(det.getAttribute('data-pair'))));
      det.open = true;
      openedForPrint.push(det);
    });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (det) { det.open = false; });
    openedForPrint = [];
  });

  refreshDocs();
  applyFilters();
  renderMoreDocViews();
  if (pairList) {
    whenParsed(function () {
      var node = byId('pair-data');
      PAIRS = node ? JSON.parse(node.textContent) : [];
      renderMorePairs();
    });
  }
  document.documentElement.classList.add('js-ready');
  // Interactive: the first page of every list is built (read by tests and the
  // load benchmark); texts-ready once the text islands are parsed too.
  document.documentElement.setAttribute('data-ready', '1');
  if (window.performance && performance.mark) performance.mark('report-ready');
  function textsParsed() {
    document.documentElement.setAttribute('data-texts-ready', '1');
    if (window.performance && performance.mark) performance.mark('report-texts-ready');
  }
  if (textsReady()) textsParsed();
  else document.addEventListener('DOMContentLoaded', textsParsed);
  followHash();
})();
