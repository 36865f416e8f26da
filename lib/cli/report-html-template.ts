import {createHash} from 'node:crypto'

/**
 * The review page of `--report-html`: its stylesheet, its script and the
 * document around them. The script reads the JSON in
 * `<script type="application/json" id="report-data">` (see
 * `report-html.ts`) and builds everything with DOM calls (`textContent`,
 * properties, never `innerHTML`), so no value in the data becomes markup.
 */

const styles = String.raw`
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5d6670; --bg: #fff; --panel: #f5f7f9; --line: #d6dbe0; --accent: #0b5cad;
  --ok: #2e7d32; --review: #b26a00; --failed: #c62828; --none: #8a949e; --row: 2rem; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --muted: #9aa4ae; --bg: #15181c; --panel: #1e2329; --line: #353c45; --accent: #6cb2ff; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
header, main { padding: 0 1.25rem; }
header { border-bottom: 1px solid var(--line); padding-block: .75rem; }
h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
h2 { font-size: 1rem; margin: 1rem 0 .5rem; }
.muted { color: var(--muted); }
button { font: inherit; color: inherit; }
.chips { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0; }
.chip { border: 1px solid var(--line); background: var(--panel); border-radius: 1rem; padding: .2rem .75rem; cursor: pointer; }
.chip[aria-pressed="true"] { outline: 2px solid var(--accent); }
.chip b { font-variant-numeric: tabular-nums; }
.panels { display: grid; grid-template-columns: minmax(16rem, 1fr) minmax(20rem, 2fr); gap: 1.5rem; }
@media (max-width: 50rem) { .panels { grid-template-columns: 1fr; } }
table { border-collapse: separate; border-spacing: 0; }
#reasons { width: 100%; }
#reasons td, #reasons th { padding: .2rem .4rem; text-align: left; border-bottom: 1px solid var(--line); }
#reasons td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4rem; }
#reasons td:last-child { width: 35%; }
.bar { height: .6rem; background: var(--review); border-radius: .2rem; min-width: 1px; }
.linklike { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; text-align: left; text-decoration: underline; text-decoration-color: transparent; }
.linklike:hover, .linklike:focus-visible { text-decoration-color: currentColor; }
#histogram svg { width: 100%; max-width: 48rem; height: auto; display: block; }
#histogram .bin { cursor: pointer; }
#histogram .bin:focus { outline: none; }
#histogram .bin:focus .hit, #histogram .bin:hover .hit { fill: var(--accent); fill-opacity: .12; }
#histogram .selected .hit { fill: var(--accent); fill-opacity: .2; }
#histogram text { fill: var(--muted); font-size: 10px; }
#histogram .axis { stroke: var(--line); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .85rem; color: var(--muted); }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: .15rem; margin-right: .3rem; vertical-align: -.05rem; }
.s-ok { background: var(--ok); } .s-review { background: var(--review); } .s-failed { background: var(--failed); } .s-none { background: var(--none); }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0; }
#filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
#filters select, #filters input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: .25rem; padding: .2rem .35rem; }
#f-search { min-width: 16rem; }
#count { margin: .25rem 0; }
#pages { width: 100%; table-layout: fixed; }
#pages thead th { position: sticky; top: 0; z-index: 1; background: var(--panel); border-bottom: 1px solid var(--line); text-align: left; padding: 0; }
#pages thead button { width: 100%; background: none; border: 0; padding: .4rem; text-align: left; cursor: pointer; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#pages th[aria-sort="ascending"] button::after { content: " ▲"; }
#pages th[aria-sort="descending"] button::after { content: " ▼"; }
#pages tbody tr.page { height: var(--row); }
#pages tbody td { height: var(--row); padding: 0 .4rem; border-bottom: 1px solid var(--line); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#pages tbody tr.page:hover td { background: var(--panel); }
#pages tbody tr.spacer td { padding: 0; border: 0; }
#pages td.n { text-align: right; font-variant-numeric: tabular-nums; }
#pages td .linklike { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; display: block; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem; line-height: 1.3rem; color: #fff; background: var(--none); }
.badge.v-ok { background: var(--ok); } .badge.v-review { background: var(--review); } .badge.v-failed { background: var(--failed); }
.status-failed, .status-skipped { color: var(--failed); }
#details { position: fixed; top: 0; right: 0; bottom: 0; width: min(34rem, 100%); overflow: auto; background: var(--bg); border-left: 1px solid var(--line); box-shadow: -4px 0 16px rgb(0 0 0 / 15%); padding: 1rem 1.25rem; z-index: 2; }
#details h2 { margin-top: 0; padding-right: 2rem; overflow-wrap: anywhere; }
#details dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: 0; }
#details dt { color: var(--muted); }
#details dd { margin: 0; overflow-wrap: anywhere; }
#details table { width: 100%; font-size: .9rem; }
#details td, #details th { text-align: left; padding: .15rem .3rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
#details ul { padding-left: 1.2rem; }
#details-close { position: absolute; top: .75rem; right: .75rem; }
.error { color: var(--failed); }
`

const script = String.raw`
'use strict';
(function () {
  var element = document.getElementById('report-data');
  var data;
  try {
    data = JSON.parse(element.textContent);
  } catch (error) {
    document.getElementById('app-error').textContent = 'The report data cannot be read: ' + error.message;
    return;
  }
  var strings = data.strings;
  var text = function (index) { return index === null || index === undefined ? null : strings[index]; };

  // Links are relative paths (or file: URLs); each segment is percent-encoded here.
  function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
  }
  function href(base, rest) {
    if (/^file:/i.test(base)) return rest ? base.replace(/\/?$/, '/') + encodePath(rest) : base;
    var encoded = encodePath(base + rest);
    return encoded.indexOf('../') === 0 ? encoded : './' + encoded;
  }

  var outBase = data.outLink === '' || /^file:/i.test(data.outLink) ? data.outLink : data.outLink.replace(/\/?$/, '/');

  // Rows are tuples (see ReviewRow in report-html.ts): name their parts.
  var rows = data.rows.map(function (tuple) {
    var measurements = null;
    if (tuple[13]) {
      measurements = {};
      data.measurementKeys.forEach(function (key, index) { measurements[key] = tuple[13][index]; });
      measurements.fields = {};
      (tuple[14] || []).forEach(function (field) {
        measurements.fields[strings[field[0]]] = {source: text(field[1]), conflict: field[2] === null ? null : {value: field[2], source: text(field[3])}};
      });
    }
    return {
      input: tuple[0],
      inputHref: typeof tuple[1] === 'number' ? href(strings[tuple[1]], tuple[0]) : href(tuple[1], ''),
      output: tuple[2],
      outputHref: tuple[2] === null ? null : href(outBase, tuple[2]),
      status: strings[tuple[3]],
      note: text(tuple[4]),
      title: tuple[5],
      date: tuple[6],
      author: text(tuple[7]),
      source: text(tuple[8]),
      url: tuple[9],
      words: tuple[10],
      verdict: text(tuple[11]),
      reasons: tuple[12].map(function (index) { return strings[index]; }),
      measurements: measurements,
      warnings: tuple[15].map(function (pair) { return [strings[pair[0]], strings[pair[1]]]; }),
      moreWarnings: tuple[16]
    };
  });
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  var number = new Intl.NumberFormat('en');
  var verdicts = ['failed', 'review', 'none', 'ok'];
  var verdictLabel = {ok: 'ok', review: 'review', failed: 'failed', none: 'not assessed'};
  var verdictRank = {ok: 0, none: 1, review: 2, failed: 3};
  var statuses = ['converted', 'unchanged', 'skipped', 'failed'];

  // Derived fields: verdict key, severity rank, text to search.
  rows.forEach(function (row, index) {
    var converted = row.status === 'converted' || row.status === 'unchanged';
    row.index = index;
    row.v = row.verdict || (converted ? 'none' : '');
    row.rank = (row.verdict ? verdictRank[row.verdict] : 1) * 2 + (converted ? 0 : 1);
    row.hay = [row.title, row.input, row.output, row.author, row.source, row.url, row.date, row.note, row.reasons.join(' '), row.v ? verdictLabel[row.v] : '', row.status].join('\n').toLowerCase();
  });

  var columns = [
    {key: 'title', label: 'Title', width: '24%'},
    {key: 'date', label: 'Date', width: '9.5rem'},
    {key: 'author', label: 'Author', width: '8%'},
    {key: 'source', label: 'Source', width: '8%'},
    {key: 'words', label: 'Words', width: '5rem'},
    {key: 'status', label: 'Status', width: '6.5rem'},
    {key: 'verdict', label: 'Verdict', width: '7rem'},
    {key: 'reasons', label: 'Reasons', width: '14%'},
    {key: 'input', label: 'Input', width: '14%'},
    {key: 'output', label: 'Output', width: '14%'}
  ];

  var defaults = {verdict: 'all', status: 'all', reason: '', q: '', words: '', sort: 'verdict', dir: 'desc'};
  var state = readHash();

  function readHash() {
    var result = Object.assign({}, defaults);
    var params = new URLSearchParams(location.hash.slice(1));
    Object.keys(defaults).forEach(function (key) {
      if (params.has(key)) result[key] = params.get(key);
    });
    if (!columns.some(function (column) { return column.key === result.sort; })) result.sort = defaults.sort;
    if (result.dir !== 'asc' && result.dir !== 'desc') result.dir = defaults.dir;
    return result;
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(defaults).forEach(function (key) {
      if (state[key] !== defaults[key]) params.set(key, state[key]);
    });
    var hash = params.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (error) {}
  }

  function el(name, properties, children) {
    var node = document.createElement(name);
    if (properties) Object.keys(properties).forEach(function (key) {
      if (key === 'dataset') Object.assign(node.dataset, properties[key]);
      else if (key.indexOf('aria-') === 0 || key === 'role' || key === 'colspan') node.setAttribute(key, properties[key]);
      else node[key] = properties[key];
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.append(child);
    });
    return node;
  }

  function svg(name, attributes, children) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  function plural(count, one, many) {
    return number.format(count) + ' ' + (count === 1 ? one : many);
  }

  // Header.
  var summary = data.summary;
  document.getElementById('out').textContent = data.outDir;
  document.getElementById('run').textContent = data.converter + (data.shard !== '1/1' ? ', shard ' + data.shard : '') + ': ' +
    [plural(summary.converted, 'converted', 'converted'), summary.unchanged + ' unchanged', summary.skipped + ' skipped', summary.failed + ' failed to convert'].join(', ');

  // Verdict chips (they set the verdict filter).
  var chipBox = document.getElementById('verdict-counts');
  var chipCounts = {attention: 0, ok: 0, review: 0, failed: 0, none: 0};
  rows.forEach(function (row) {
    if (row.v) chipCounts[row.v]++;
    if (row.v === 'review' || row.v === 'failed') chipCounts.attention++;
  });
  var chips = [['attention', 'need review'], ['failed', 'failed'], ['review', 'review'], ['ok', 'ok'], ['none', 'not assessed']].map(function (pair) {
    var chip = el('button', {type: 'button', className: 'chip', dataset: {verdict: pair[0]}, 'aria-pressed': 'false'}, [
      pair[0] === 'attention' ? null : el('span', {className: 'swatch s-' + pair[0]}),
      el('b', {textContent: number.format(chipCounts[pair[0]])}),
      ' ' + pair[1]
    ]);
    chip.addEventListener('click', function () {
      set({verdict: state.verdict === pair[0] ? 'all' : pair[0]});
    });
    chipBox.append(chip);
    return chip;
  });
  var assessed = chipCounts.ok + chipCounts.review + chipCounts.failed;
  if (assessed === 0) {
    chipBox.append(el('span', {className: 'muted', textContent: 'No page was assessed: this report has no verdicts.'}));
  }

  // Counts by reason (pages with a review or failed verdict).
  var reasonCounts = {};
  var reasonFailed = {};
  rows.forEach(function (row) {
    if (row.v !== 'review' && row.v !== 'failed') return;
    Array.from(new Set(row.reasons)).forEach(function (reason) {
      reasonCounts[reason] = (reasonCounts[reason] || 0) + 1;
      if (row.v === 'failed') reasonFailed[reason] = (reasonFailed[reason] || 0) + 1;
    });
  });
  var reasonIds = Object.keys(reasonCounts).sort(function (a, b) { return reasonCounts[b] - reasonCounts[a] || collator.compare(a, b); });
  var reasonBody = document.querySelector('#reasons tbody');
  var reasonMax = reasonIds.length ? reasonCounts[reasonIds[0]] : 0;
  reasonIds.forEach(function (reason) {
    var button = el('button', {type: 'button', className: 'linklike', textContent: reason, title: 'Show the pages flagged for ' + reason});
    button.addEventListener('click', function () { set({reason: state.reason === reason ? '' : reason, verdict: 'all'}); });
    var bar = el('div', {className: 'bar'});
    bar.style.width = (100 * reasonCounts[reason] / reasonMax) + '%';
    reasonBody.append(el('tr', {dataset: {reason: reason}}, [
      el('td', null, [button]),
      el('td', {className: 'n', textContent: number.format(reasonCounts[reason])}),
      el('td', {className: 'n', textContent: number.format(reasonFailed[reason] || 0)}),
      el('td', null, [bar])
    ]));
  });
  if (!reasonIds.length) {
    document.getElementById('reasons').hidden = true;
    document.getElementById('reasons-empty').textContent = assessed ? 'No page was flagged.' : 'No page was assessed, so there are no reasons.';
  }

  // Histogram of words per page, bars stacked by verdict; a bar sets the words filter.
  var histogram = buildHistogram();

  function niceStep(value) {
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var index = 0; index < steps.length; index++) if (steps[index] * power >= value) return Math.max(1, Math.ceil(steps[index] * power));
    return Math.ceil(10 * power);
  }

  function quantile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  }

  function buildHistogram() {
    var box = document.getElementById('histogram');
    var counted = rows.filter(function (row) { return typeof row.words === 'number'; });
    if (!counted.length) {
      box.append(el('p', {className: 'muted', textContent: 'No converted page.'}));
      return null;
    }
    var sorted = counted.map(function (row) { return row.words; }).sort(function (a, b) { return a - b; });
    var high = Math.max(1, quantile(sorted, 0.99));
    var width = niceStep(high / 20);
    var count = Math.floor(high / width) + 1;
    var bins = [];
    for (var index = 0; index < count; index++) bins.push({min: index * width, max: (index + 1) * width - 1});
    if (sorted[sorted.length - 1] > bins[count - 1].max) bins.push({min: count * width, max: null});
    bins.forEach(function (bin) { bin.counts = {ok: 0, none: 0, review: 0, failed: 0}; bin.total = 0; });
    counted.forEach(function (row) {
      var bin = bins[Math.min(bins.length - 1, Math.floor(row.words / width))];
      bin.counts[row.v || 'none']++;
      bin.total++;
    });
    var top = Math.max.apply(null, bins.map(function (bin) { return bin.total; }));
    var W = 640, H = 200, left = 40, right = 8, above = 10, below = 34;
    var step = (W - left - right) / bins.length;
    var scale = (H - above - below) / top;
    var chart = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': 'histogram-title'}, [svg('title', {id: 'histogram-title'}, [document.createTextNode('Words per page: ' + counted.length + ' pages in ' + bins.length + ' bins')])]);
    chart.append(svg('line', {class: 'axis', x1: left, x2: W - right, y1: H - below, y2: H - below}));
    chart.append(svg('text', {x: left - 4, y: above + 4, 'text-anchor': 'end'}, [document.createTextNode(number.format(top))]));
    chart.append(svg('text', {x: left - 4, y: H - below, 'text-anchor': 'end'}, [document.createTextNode('0')]));
    var every = Math.ceil(bins.length / 8);
    var colors = {ok: 'var(--ok)', none: 'var(--none)', review: 'var(--review)', failed: 'var(--failed)'};
    bins.forEach(function (bin, index) {
      var x = left + index * step;
      var label = bin.max === null ? '≥ ' + number.format(bin.min) : number.format(bin.min) + '–' + number.format(bin.max);
      var flagged = bin.counts.review + bin.counts.failed;
      var group = svg('g', {class: 'bin', tabindex: '0', role: 'button', 'data-min': bin.min, 'data-max': bin.max === null ? '' : bin.max, 'data-total': bin.total, 'aria-label': label + ' words: ' + bin.total + ' pages'}, [
        svg('title', {}, [document.createTextNode(label + ' words: ' + plural(bin.total, 'page', 'pages') + (flagged ? ' (' + flagged + ' need review)' : ''))]),
        svg('rect', {class: 'hit', x: x, y: above, width: step, height: H - above - below, fill: 'transparent'})
      ]);
      var y = H - below;
      ['ok', 'none', 'review', 'failed'].forEach(function (key) {
        if (!bin.counts[key]) return;
        var height = bin.counts[key] * scale;
        y -= height;
        group.append(svg('rect', {class: 'bar-' + key, x: x + 1, y: y, width: Math.max(1, step - 2), height: height, fill: colors[key]}));
      });
      if (index % every === 0 || index === bins.length - 1) {
        chart.append(svg('text', {x: x + step / 2, y: H - below + 12, 'text-anchor': 'middle'}, [document.createTextNode(bin.max === null ? '≥' + number.format(bin.min) : number.format(bin.min))]));
      }
      function choose() {
        var value = bin.min + '-' + (bin.max === null ? '' : bin.max);
        set({words: state.words === value ? '' : value});
      }
      group.addEventListener('click', choose);
      group.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
      chart.append(group);
    });
    chart.append(svg('text', {x: left + (W - left - right) / 2, y: H - 4, 'text-anchor': 'middle'}, [document.createTextNode('words per page (bins of ' + number.format(width) + ')')]));
    box.append(chart);
    document.getElementById('histogram-note').textContent = plural(counted.length, 'page', 'pages') + ': median ' + number.format(quantile(sorted, 0.5)) +
      ' words, 10% under ' + number.format(quantile(sorted, 0.1)) + ', 10% over ' + number.format(quantile(sorted, 0.9)) +
      '; shortest ' + number.format(sorted[0]) + ', longest ' + number.format(sorted[sorted.length - 1]) + '.';
    return chart;
  }

  // Filters.
  var form = document.getElementById('filters');
  var verdictSelect = document.getElementById('f-verdict');
  var statusSelect = document.getElementById('f-status');
  var reasonSelect = document.getElementById('f-reason');
  var search = document.getElementById('f-search');
  var wordsChip = document.getElementById('f-words');
  [['all', 'all'], ['attention', 'need review (review, failed)'], ['failed', 'failed'], ['review', 'review'], ['ok', 'ok'], ['none', 'not assessed']].forEach(function (pair) {
    verdictSelect.append(el('option', {value: pair[0], textContent: pair[1]}));
  });
  statusSelect.append(el('option', {value: 'all', textContent: 'all'}));
  statuses.forEach(function (status) {
    statusSelect.append(el('option', {value: status, textContent: status + ' (' + number.format(summary[status]) + ')'}));
  });
  reasonSelect.append(el('option', {value: '', textContent: 'any'}));
  reasonIds.forEach(function (reason) {
    reasonSelect.append(el('option', {value: reason, textContent: reason + ' (' + number.format(reasonCounts[reason]) + ')'}));
  });
  verdictSelect.addEventListener('change', function () { set({verdict: verdictSelect.value}); });
  statusSelect.addEventListener('change', function () { set({status: statusSelect.value}); });
  reasonSelect.addEventListener('change', function () { set({reason: reasonSelect.value}); });
  var typing;
  search.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { set({q: search.value}); }, 120);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    set({q: search.value});
  });
  document.getElementById('f-reset').addEventListener('click', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    set({verdict: 'all', status: 'all', reason: '', q: '', words: ''});
  });
  document.getElementById('f-words-clear').addEventListener('click', function () { set({words: ''}); });

  function wordsRange() {
    var match = /^(\d+)-(\d*)$/.exec(state.words);
    return match ? {min: Number(match[1]), max: match[2] === '' ? Infinity : Number(match[2])} : null;
  }

  function matches(row, range, query) {
    if (state.verdict === 'attention' ? row.v !== 'review' && row.v !== 'failed' : state.verdict !== 'all' && row.v !== state.verdict) return false;
    if (state.status !== 'all' && row.status !== state.status) return false;
    if (state.reason && row.reasons.indexOf(state.reason) < 0) return false;
    if (range && (typeof row.words !== 'number' || row.words < range.min || row.words > range.max)) return false;
    for (var index = 0; index < query.length; index++) if (row.hay.indexOf(query[index]) < 0) return false;
    return true;
  }

  // Sorting: empty values last in both directions; ties in input order.
  function sortValue(row, key) {
    if (key === 'verdict') return row.rank;
    if (key === 'reasons') return row.reasons.length ? row.reasons.join(', ') : null;
    var value = row[key];
    return value === '' || value === undefined ? null : value;
  }

  function comparator(key, direction) {
    var sign = direction === 'asc' ? 1 : -1;
    var numeric = key === 'words' || key === 'verdict';
    return function (a, b) {
      var x = sortValue(a, key);
      var y = sortValue(b, key);
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      var order = numeric ? x - y : collator.compare(x, y);
      return order ? sign * order : a.index - b.index;
    };
  }

  // The table: up to allRows rows are all in the document (the browser's
  // find works); above, only the rows in view and some around them are,
  // between two spacer rows, so 100,000 pages scroll smoothly.
  var table = document.getElementById('pages');
  var tbody = table.tBodies[0];
  var colgroup = table.querySelector('colgroup');
  var headRow = table.tHead.rows[0];
  var headers = {};
  columns.forEach(function (column) {
    var col = el('col');
    col.style.width = column.width;
    colgroup.append(col);
    var button = el('button', {type: 'button', textContent: column.label, title: 'Sort by ' + column.label.toLowerCase()});
    button.addEventListener('click', function () {
      if (state.sort === column.key) set({dir: state.dir === 'asc' ? 'desc' : 'asc'});
      else set({sort: column.key, dir: column.key === 'words' || column.key === 'verdict' || column.key === 'reasons' ? 'desc' : 'asc'});
    });
    var th = el('th', {scope: 'col', dataset: {key: column.key}}, [button]);
    headers[column.key] = th;
    headRow.append(th);
  });

  var view = rows.slice();
  var rowHeight = 0;
  var drawn = {first: -1, last: -1};
  var overscan = 12;
  var allRows = 200;
  var countLine = document.getElementById('count');

  function cell(text, className, title) {
    var td = el('td', {className: className || ''});
    if (text === null || text === undefined || text === '') td.append(el('span', {className: 'muted', textContent: '—'}));
    else {
      td.textContent = text;
      td.title = title || text;
    }
    return td;
  }

  function link(href, text) {
    var td = el('td');
    if (!href) {
      td.append(el('span', {className: 'muted', textContent: '—'}));
      return td;
    }
    td.append(el('a', {href: href, textContent: text, title: text, target: '_blank', rel: 'noopener noreferrer'}));
    return td;
  }

  function pageRow(row, position) {
    var open = el('button', {type: 'button', className: 'linklike', textContent: row.title || '(no title) ' + row.input, title: row.title || row.input});
    open.addEventListener('click', function () { showDetails(row); });
    var verdictCell = el('td');
    if (row.v) verdictCell.append(el('span', {className: 'badge v-' + row.v, textContent: verdictLabel[row.v]}));
    else verdictCell.append(el('span', {className: 'muted', textContent: 'not converted'}));
    return el('tr', {className: 'page', 'aria-rowindex': String(position + 2), dataset: {input: row.input}}, [
      el('td', null, [open]),
      cell(row.date && shortDate(row.date), '', row.date),
      cell(row.author),
      cell(row.source),
      cell(typeof row.words === 'number' ? number.format(row.words) : null, 'n'),
      cell(row.status, 'status-' + row.status, row.note ? row.status + ': ' + row.note : row.status),
      verdictCell,
      cell(row.reasons.join(', ')),
      link(row.inputHref, row.input),
      link(row.outputHref, row.output)
    ]);
  }

  // ISO dates with a time show as YYYY-MM-DD HH:MM (the cell's title has all of it).
  function shortDate(date) {
    var match = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/.exec(date);
    return match ? match[1] + ' ' + match[2] : date;
  }

  function spacer(height) {
    var td = el('td', {colspan: String(columns.length)});
    td.style.height = height + 'px';
    return el('tr', {className: 'spacer', 'aria-hidden': 'true'}, [td]);
  }

  function draw(force) {
    var total = view.length;
    if (!rowHeight && total) {
      tbody.replaceChildren(pageRow(view[0], 0));
      rowHeight = tbody.rows[0].getBoundingClientRect().height || 28;
      force = true;
    }
    var first = 0;
    var last = total;
    if (total > allRows) {
      var offset = -tbody.getBoundingClientRect().top;
      first = Math.max(0, Math.min(total, Math.floor(offset / rowHeight) - overscan));
      last = Math.max(first, Math.min(total, Math.ceil((offset + window.innerHeight) / rowHeight) + overscan));
    }
    if (!force && first === drawn.first && last === drawn.last) return;
    drawn = {first: first, last: last};
    var fragment = document.createDocumentFragment();
    fragment.append(spacer(first * rowHeight));
    for (var index = first; index < last; index++) fragment.append(pageRow(view[index], index));
    fragment.append(spacer((total - last) * rowHeight));
    tbody.replaceChildren(fragment);
    table.setAttribute('aria-rowcount', String(total + 1));
  }

  var frame = 0;
  function schedule() {
    if (!frame) frame = requestAnimationFrame(function () {
      frame = 0;
      draw(false);
    });
  }
  window.addEventListener('scroll', schedule, {passive: true});
  window.addEventListener('resize', function () {
    rowHeight = 0;
    schedule();
  });

  function apply() {
    var range = wordsRange();
    var query = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    view = rows.filter(function (row) { return matches(row, range, query); });
    view.sort(comparator(state.sort, state.dir));
    // Controls show the state (after a hash or a click).
    verdictSelect.value = state.verdict;
    statusSelect.value = state.status;
    if (state.reason && !Array.from(reasonSelect.options).some(function (option) { return option.value === state.reason; })) {
      reasonSelect.append(el('option', {value: state.reason, textContent: state.reason + ' (0)'}));
    }
    reasonSelect.value = state.reason;
    if (document.activeElement !== search) search.value = state.q;
    chips.forEach(function (chip) { chip.setAttribute('aria-pressed', String(chip.dataset.verdict === state.verdict)); });
    columns.forEach(function (column) {
      headers[column.key].setAttribute('aria-sort', column.key === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
    });
    wordsChip.hidden = !range;
    document.getElementById('f-words-label').textContent = range ? (range.max === Infinity ? '≥ ' + number.format(range.min) : number.format(range.min) + '–' + number.format(range.max)) + ' words' : '';
    if (histogram) histogram.querySelectorAll('.bin').forEach(function (bin) {
      bin.classList.toggle('selected', state.words === bin.getAttribute('data-min') + '-' + bin.getAttribute('data-max'));
    });
    countLine.textContent = view.length === rows.length ? 'Showing all ' + plural(rows.length, 'page', 'pages') : 'Showing ' + number.format(view.length) + ' of ' + plural(rows.length, 'page', 'pages');
    draw(true);
  }

  function set(change) {
    Object.assign(state, change);
    writeHash();
    apply();
  }

  window.addEventListener('hashchange', function () {
    state = readHash();
    apply();
  });

  // Details of one page.
  var details = document.getElementById('details');
  var detailsBody = document.getElementById('details-body');
  var lastOpener = null;
  var measurementLabels = {
    outputCharacters: ['output text', 'characters'],
    outputParagraphs: ['output paragraphs', ''],
    pageCharacters: ['visible text of the page', 'characters'],
    sentenceTextOutsideRoot: ['sentence-like text outside the article', 'share'],
    titleNearRoot: ['title near the article', ''],
    leadOutsideRoot: ['sentence-like text between the headline and the article, left out', 'characters'],
    linkTextShare: ['link text in the output', 'share'],
    removedCharacters: ['text removed inside the article', 'characters'],
    removedMedia: ['images and embeds removed', '']
  };

  function formatValue(value, unit) {
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') return unit === 'share' ? (100 * value).toFixed(1) + '%' : number.format(value) + (unit ? ' ' + unit : '');
    if (value === null || value === undefined) return '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function showDetails(row) {
    lastOpener = document.activeElement;
    var items = [
      ['Input', row.inputHref ? el('a', {href: row.inputHref, textContent: row.input, target: '_blank', rel: 'noopener noreferrer'}) : row.input],
      ['Output', row.outputHref ? el('a', {href: row.outputHref, textContent: row.output, target: '_blank', rel: 'noopener noreferrer'}) : '—'],
      ['Status', row.status + (row.note ? ': ' + row.note : '')],
      ['Verdict', row.v ? verdictLabel[row.v] : 'not converted'],
      ['Reasons', row.reasons.length ? row.reasons.join(', ') : '—'],
      ['Date', row.date || '—'],
      ['Author', row.author || '—'],
      ['Source', row.source || '—'],
      ['URL', /^https?:\/\//i.test(row.url || '') ? el('a', {href: row.url, textContent: row.url, target: '_blank', rel: 'noopener noreferrer'}) : row.url || '—'],
      ['Words', typeof row.words === 'number' ? number.format(row.words) : '—']
    ];
    var list = el('dl');
    items.forEach(function (item) { list.append(el('dt', {textContent: item[0]}), el('dd', null, [item[1]])); });
    var parts = [el('h2', {id: 'details-title', textContent: row.title || '(no title)'}), list];
    if (row.measurements) {
      var measured = el('tbody');
      Object.keys(row.measurements).forEach(function (key) {
        if (key === 'fields') return;
        var label = measurementLabels[key] || [key, ''];
        measured.append(el('tr', null, [el('th', {scope: 'row', textContent: label[0]}), el('td', {textContent: formatValue(row.measurements[key], label[1])})]));
      });
      parts.push(el('h3', {textContent: 'Measurements'}), el('table', {className: 'measurements'}, [measured]));
      var fields = row.measurements.fields || {};
      var fieldKeys = Object.keys(fields);
      if (fieldKeys.length) {
        var fieldBody = el('tbody');
        fieldKeys.forEach(function (key) {
          var evidence = fields[key] || {};
          var conflict = evidence.conflict ? evidence.conflict.value + ' (' + evidence.conflict.source + ')' : '—';
          fieldBody.append(el('tr', null, [el('th', {scope: 'row', textContent: key}), el('td', {textContent: evidence.source || '—'}), el('td', {className: evidence.conflict ? 'error' : '', textContent: conflict})]));
        });
        parts.push(el('h3', {textContent: 'Metadata sources'}), el('table', null, [
          el('thead', null, [el('tr', null, [el('th', {textContent: 'field'}), el('th', {textContent: 'source'}), el('th', {textContent: 'conflict'})])]),
          fieldBody
        ]));
      }
    } else if (row.v === 'none') {
      parts.push(el('p', {className: 'muted', textContent: 'Not assessed: this report has no verdict for the page.'}));
    }
    if (row.warnings.length) {
      parts.push(el('h3', {textContent: 'Warnings'}), el('ul', null, row.warnings.map(function (warning) {
        return el('li', null, [el('code', {textContent: warning[0]}), ' ' + warning[1]]);
      })));
      if (row.moreWarnings) parts.push(el('p', {className: 'muted', textContent: 'and ' + row.moreWarnings + ' more (see the JSON report)'}));
    }
    detailsBody.replaceChildren.apply(detailsBody, parts);
    details.hidden = false;
    document.getElementById('details-close').focus();
  }

  function closeDetails() {
    details.hidden = true;
    if (lastOpener && document.contains(lastOpener)) lastOpener.focus();
  }
  document.getElementById('details-close').addEventListener('click', closeDetails);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !details.hidden) closeDetails();
    else if (event.key === '/' && document.activeElement !== search && !(event.target instanceof HTMLInputElement) && !(event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      search.focus();
    }
  });

  apply();
  document.documentElement.dataset.ready = 'true';
  performance.mark('report-ready');
})();
`

const body = `<header>
<h1>Review of <span id="out"></span></h1>
<p id="run" class="muted"></p>
<p id="app-error" class="error"></p>
<noscript><p class="error">This page draws the report with its inline script (it loads nothing from the network): allow JavaScript for this file.</p></noscript>
</header>
<main>
<section aria-label="Verdicts"><div class="chips" id="verdict-counts"></div></section>
<div class="panels">
<section aria-labelledby="reasons-heading">
<h2 id="reasons-heading">Reasons</h2>
<table id="reasons"><thead><tr><th scope="col">reason</th><th scope="col">pages</th><th scope="col">failed</th><th scope="col"></th></tr></thead><tbody></tbody></table>
<p id="reasons-empty" class="muted"></p>
</section>
<section aria-labelledby="histogram-heading">
<h2 id="histogram-heading">Words per page</h2>
<div id="histogram"></div>
<div class="legend"><span><span class="swatch s-ok"></span>ok</span><span><span class="swatch s-review"></span>review</span><span><span class="swatch s-failed"></span>failed</span><span><span class="swatch s-none"></span>not assessed</span></div>
<p id="histogram-note" class="muted"></p>
</section>
</div>
<section aria-labelledby="pages-heading">
<h2 id="pages-heading">Pages</h2>
<form id="filters" role="search">
<label>Verdict <select id="f-verdict"></select></label>
<label>Status <select id="f-status"></select></label>
<label>Reason <select id="f-reason"></select></label>
<label>Search <input id="f-search" type="search" placeholder="title, path, author, source… ( / )" autocomplete="off"></label>
<span id="f-words" class="chip" hidden><span id="f-words-label"></span> <button type="button" id="f-words-clear" class="linklike" aria-label="Clear the words filter">×</button></span>
<button type="button" id="f-reset">Clear filters</button>
</form>
<p id="count" aria-live="polite"></p>
<table id="pages"><colgroup></colgroup><thead><tr></tr></thead><tbody></tbody></table>
</section>
</main>
<aside id="details" aria-labelledby="details-title" hidden>
<button type="button" id="details-close" aria-label="Close">×</button>
<div id="details-body"></div>
</aside>`

/** `'sha256-…'` source of an inline element, for the Content-Security-Policy. */
function hashSource(text: string): string {
  return "'sha256-" + createHash('sha256').update(text, 'utf8').digest('base64') + "'"
}

/** Only the inline stylesheet and script may run; nothing may load (no network, no other file). */
const policy = ["default-src 'none'", 'script-src ' + hashSource(script), 'style-src ' + hashSource(styles), "img-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ')

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => '&#' + character.charCodeAt(0) + ';')
}

/**
 * The review page: `title` (text) and `json`, the data as JSON already safe
 * inside `<script>` (`scriptJson`).
 */
export function reviewPage(page: {title: string; json: string}): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta http-equiv="Content-Security-Policy" content="' +
    policy +
    '">\n' +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="generator" content="news-markdown">\n' +
    '<title>' +
    escapeHtml(page.title) +
    '</title>\n<style>' +
    styles +
    '</style>\n</head>\n<body>\n' +
    body +
    '\n' +
    '<script type="application/json" id="report-data">' +
    page.json +
    '</script>\n' +
    '<script>' +
    script +
    '</script>\n</body>\n</html>\n'
  )
}
