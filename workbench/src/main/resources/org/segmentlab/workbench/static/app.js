// SegmentLab workbench page: choose or upload a scenario, change treatments and key values, run on the server,
// poll its progress, show the charts and key figures. Every control is named by the scenario path it overrides.
'use strict';

const page = {
  source: null,        // {shipped: name} or {yaml: text}
  form: null,          // the server's description of the scenario's controls
  initial: new Map(),  // path -> value as first shown: only changed values are sent
  run: null,           // id of the latest run asked for
  asks: 0,             // run requests made; only the latest is sent
  posting: Promise.resolve(), // the run request on its way, if any
  shown: { preview: false, partial: 0 }, // of that run: whether its preview is shown, the latest snapshot shown
  clickedAt: 0,        // performance.now() when Run was pressed (or the auto re-run fired)
  pollTimer: 0,
  autoTimer: 0,
  changeSeq: 0,        // counts the trainee's changes: a result is current when its run was asked after the last one
  runSeq: -1,          // changeSeq when the latest run was asked for
  result: null,        // the latest result shown {run, kind, result}
  previous: null,      // the finished result before it (same scenario), for comparison
  lastFinal: null,     // the latest whole run shown (previews and snapshots are compared with it)
  presentPage: 0,
};
// What the end-to-end tests read: the latest finished run, how long it took to show its charts, and whether a
// change has an automatic re-run waiting (so a test can tell "nothing will start" without waiting to see).
window.segmentlab = { currentRun: null, currentPreview: null, shownKinds: [], lastRun: null, clickToChartsMs: null, previewMs: null,
  previewFor: null, previewAt: null, autoRunPending: false, presentation: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  let json = null;
  try { json = await response.json(); } catch (e) { /* 413 and 404 bodies may be text */ }
  return { status: response.status, json };
}

// ---- scenario and form ----------------------------------------------------------------------------------------

async function start() {
  const { json } = await api('GET', '/api/scenarios');
  page.limits = json;
  const select = $('scenario');
  for (const s of json.scenarios) select.append(el('option', { value: s.name, text: s.title }));
  select.value = json.default;
  select.addEventListener('change', () => loadForm({ shipped: select.value }));
  $('upload').addEventListener('change', uploadFile);
  $('run').addEventListener('click', () => runNow());
  $('stop').addEventListener('click', () => api('POST', '/api/cancel'));
  // For projecting: the charts take the whole width while the controls are hidden.
  $('toggle-controls').addEventListener('click', (event) => {
    const wide = document.body.classList.toggle('wide');
    event.target.textContent = wide ? 'Show controls' : 'Hide controls';
    event.target.setAttribute('aria-pressed', String(wide));
  });
  $('reset-all').addEventListener('click', resetAll);
  $('present').addEventListener('click', () => present(true));
  $('present-exit').addEventListener('click', () => present(false));
  $('present-next').addEventListener('click', () => presentTurn(1));
  $('present-prev').addEventListener('click', () => presentTurn(-1));
  document.addEventListener('keydown', presentKeys);
  // Any edit of a control marks it changed (or not) and the results shown out of date.
  document.addEventListener('input', edited, true);
  document.addEventListener('change', edited, true);
  await loadForm({ shipped: json.default });
}

async function uploadFile(event) {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  if (file.size > 256 * 1024) {
    showProblems([{ field: 'upload', message: 'the file has ' + file.size + ' bytes; a scenario must be at most 256 KiB' }]);
    return;
  }
  const text = await file.text();
  const ok = await loadForm({ yaml: text });
  if (ok) {
    const select = $('scenario');
    let option = select.querySelector('option[value=""]');
    if (!option) { option = el('option', { value: '' }); select.prepend(option); }
    option.textContent = 'Uploaded: ' + file.name;
    select.value = '';
  }
}

async function loadForm(source) {
  clearProblems();
  const { status, json } = await api('POST', '/api/form', source);
  if (status !== 200) {
    showProblems(json ? json.problems : [{ field: 'request', message: status === 413
      ? 'the file is too large (at most 256 KiB)' : 'the server refused the scenario (' + status + ')' }]);
    return false;
  }
  page.source = source;
  page.form = json;
  page.initial.clear();
  $('title').textContent = json.name;
  $('description').textContent = json.description;
  renderGrid(json);
  renderSliders(json);
  $('output').hidden = true;
  $('empty').hidden = false;
  $('download').hidden = true;
  $('run-info').textContent = '';
  page.result = null;
  page.previous = null;
  page.lastFinal = null;
  setStale(false);
  $('present').disabled = true;
  $('reset-all').disabled = true;
  // which scenario's controls are on the page (for the tests)
  document.body.dataset.form = source.shipped || 'upload';
  return true;
}

function renderGrid(form) {
  const grid = $('grid');
  grid.replaceChildren();
  const byName = new Map(form.treatments.map((t) => [t.name, t]));
  const head = el('tr', {}, el('th', { text: 'Segment' }));
  for (const s of form.strategies) head.append(el('th', { text: s.name }));
  grid.append(el('thead', {}, head));
  const body = el('tbody');
  for (const segment of form.segments) {
    const row = el('tr', {}, el('th', { text: segment, scope: 'row' }));
    for (const s of form.strategies) {
      const path = s.path + '.treatments.' + segment;
      const select = el('select', { 'data-path': path, 'aria-label': s.name + ': ' + segment });
      for (const t of form.treatments) {
        select.append(el('option', { value: t.name, text: t.name, title: t.description + ' ' + t.parameters }));
      }
      select.value = s.treatments[segment];
      page.initial.set(path, select.value);
      const help = el('span', { class: 'treatment-help' });
      // The chosen treatment's parameters, under the cell and on hover.
      const describe = () => {
        const t = byName.get(select.value);
        help.textContent = t ? t.parameters : '';
        help.title = t ? t.parameters : '';
        select.title = t ? t.description + '\n' + t.parameters : '';
      };
      describe();
      select.addEventListener('change', () => { describe(); changed(); });
      const cell = el('td', { class: 'field', 'data-field': path }, select, help, el('div', { class: 'error' }));
      row.append(cell);
    }
    body.append(row);
  }
  grid.append(body);
}

// One panel per group of levers; each lever: label with unit, slider (or list, or text) and box, percent, reset,
// a help line from the scenario schema, and its error.
function renderSliders(form) {
  const box = $('sliders');
  box.replaceChildren();
  let section = null;
  let group = null;
  for (const lever of form.levers) {
    if (lever.group !== group) {
      group = lever.group;
      section = el('details', { 'data-group': group }, el('summary', { text: group }));
      section.open = group !== 'Segment thresholds' && group !== 'Customer types';
      box.append(section);
    }
    section.append(leverField(lever));
  }
}

function leverField(lever) {
  const id = 'lever-' + lever.path.replace(/[^A-Za-z0-9_-]/g, '_');
  const inputs = el('div', { class: 'inputs' });
  let control;
  if (lever.kind === 'choice') {
    control = el('select', { id, class: 'number', 'data-path': lever.path });
    for (const c of lever.choices) control.append(el('option', { value: c, text: c }));
    control.value = lever.value;
    control.addEventListener('change', changed);
    inputs.append(control);
  } else if (lever.kind === 'text') {
    control = el('input', { id, type: 'text', class: 'text', value: lever.value, 'data-path': lever.path, spellcheck: 'false' });
    control.addEventListener('change', changed);
    inputs.append(control);
  } else {
    control = el('input', { id, type: 'text', inputmode: 'decimal', value: lever.value, 'data-path': lever.path, class: 'number' });
    if (lever.kind === 'range') {
      const range = el('input', { type: 'range', min: lever.min, max: lever.max, step: lever.step, value: lever.value,
        tabindex: '-1', 'aria-hidden': 'true' });
      // While the slider moves: the box follows, and a run is asked for once it rests for a moment.
      range.addEventListener('input', () => { control.value = range.value; control.dispatchEvent(new Event('input', { bubbles: true })); changed(); });
      range.addEventListener('change', () => { control.value = range.value; edited({ target: control }); changed(); });
      control.addEventListener('change', () => { range.value = control.value; });
      inputs.append(range);
    }
    control.addEventListener('change', changed);
    inputs.append(control);
  }
  page.initial.set(lever.path, lever.value);
  if (lever.share) inputs.append(el('span', { class: 'percent' }));
  const reset = el('button', { type: 'button', class: 'reset', title: 'Back to the scenario\u2019s value: ' + lever.value,
    'aria-label': 'Reset ' + lever.label });
  reset.textContent = '\u21ba';
  reset.addEventListener('click', () => resetControl(control));
  inputs.append(reset);
  const label = el('label', { for: id }, lever.label, lever.unit ? el('span', { class: 'unit', text: ' (' + lever.unit + ')' }) : '');
  const field = el('div', { class: 'field slider', 'data-field': lever.path, title: lever.help + '\nScenario value: ' + lever.value },
    label, inputs, el('span', { class: 'help', text: lever.help }), el('div', { class: 'error' }));
  showPercent(control);
  return field;
}

// A share also reads as a percentage beside its box (0.3 = 30%).
function showPercent(control) {
  const percent = control.parentElement.querySelector('.percent');
  if (!percent) return;
  const v = Number(control.value);
  percent.textContent = control.value.trim() !== '' && Number.isFinite(v) ? '= ' + +(v * 100).toFixed(2) + '%' : '';
}

// ---- changed marks, reset, stale results ---------------------------------------------------------------------

function edited(event) {
  const control = event.target;
  if (!control || !control.getAttribute || !control.getAttribute('data-path')) return;
  page.changeSeq++;
  markChanged(control);
  showPercent(control);
  if (page.result) setStale(true);
}

function markChanged(control) {
  const path = control.getAttribute('data-path');
  const field = fieldBox(path);
  if (!field) return;
  const initial = page.initial.get(path);
  const isChanged = control.value.trim() !== initial;
  field.classList.toggle('changed', isChanged);
  if (field.tagName === 'TD') field.title = isChanged ? 'Changed; the scenario says ' + initial : control.title;
  $('reset-all').disabled = !document.querySelector('.field.changed');
}

function resetControl(control) {
  const path = control.getAttribute('data-path');
  control.value = page.initial.get(path);
  const range = control.parentElement.querySelector('input[type=range]');
  if (range) range.value = control.value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function resetAll() {
  for (const control of document.querySelectorAll('[data-path]')) {
    if (control.value.trim() !== page.initial.get(control.getAttribute('data-path'))) resetControl(control);
  }
}

// Results from before the latest change are dimmed and labelled until new ones arrive (document.body.dataset.stale).
function setStale(stale) {
  document.body.dataset.stale = String(stale);
  $('stale-note').hidden = !stale;
}

// ---- running --------------------------------------------------------------------------------------------------

function overrides() {
  const out = {};
  for (const input of document.querySelectorAll('[data-path]')) {
    const path = input.getAttribute('data-path');
    const value = input.value.trim();
    if (page.initial.get(path) !== value) out[path] = value;
  }
  return out;
}

function population() {
  const box = document.querySelector('[data-path="market.initialCustomers"]');
  return box ? Number(box.value) : Infinity;
}

// Every change re-runs by itself (debounced while a slider moves): a scenario larger than the preview sample first
// answers with a preview on a sample, then the full run's months as they are simulated, then the whole run.
function changed() {
  clearTimeout(page.autoTimer);
  window.segmentlab.autoRunPending = true;
  page.autoTimer = setTimeout(runNow, 250);
}

// Run requests go out one at a time, in order, and one superseded before it was sent is dropped: the server starts
// the latest request last, so a click right after a slider's automatic run never ends up waiting on a cancelled run.
async function runNow() {
  clearTimeout(page.autoTimer);
  window.segmentlab.autoRunPending = false;
  clearProblems();
  page.runSeq = page.changeSeq;
  page.clickedAt = performance.now();
  const ask = ++page.asks;
  const request = Object.assign({}, page.source, { overrides: overrides() });
  const before = page.posting;
  let release;
  page.posting = new Promise((resolve) => { release = resolve; });
  try {
    await before;
    if (ask === page.asks) await sendRun(request);
  } finally {
    release();
  }
}

async function sendRun(request) {
  const { status, json } = await api('POST', '/api/run', request);
  if (status !== 202) {
    showProblems(json && json.problems ? json.problems
      : [{ field: 'request', message: status === 413 ? 'the scenario is too large (at most 256 KiB)' : 'the server answered ' + status }]);
    setProgress(null);
    return;
  }
  page.run = json.run;
  page.shown = { preview: false, partial: 0 };
  window.segmentlab.currentRun = json.run;
  window.segmentlab.currentPreview = json.preview;
  window.segmentlab.shownKinds = [];
  setProgress({ state: 'QUEUED', done: 0, total: 1 });
  poll(json.run);
}

// Polls the run: its preview when done (once), then each new snapshot of its months so far, then the whole run;
// the newest of these is shown, never an older one.
function poll(run) {
  clearTimeout(page.pollTimer);
  page.pollTimer = setTimeout(async () => {
    if (run !== page.run) return;
    let answer;
    try {
      answer = await api('GET', '/api/status?run=' + encodeURIComponent(run));
    } catch (e) {
      poll(run); // a dropped connection: ask again
      return;
    }
    const { status, json } = answer;
    if (run !== page.run) return;
    if (status !== 200) { setProgress(null); return; }
    setProgress(json);
    if (json.state === 'DONE') { showResult(json, 'final'); return; }
    if (json.partial && json.partial.version > page.shown.partial) {
      page.shown.partial = json.partial.version;
      showResult({ run: json.run, result: json.partial }, 'partial');
    } else if (json.preview && json.preview.state === 'DONE' && !page.shown.preview && !page.shown.partial) {
      page.shown.preview = true;
      showResult({ run: json.run, result: json.preview.result }, 'preview');
    }
    if (json.state === 'FAILED') { showProblems([{ field: 'request', message: 'the run failed: ' + json.error }]); }
    else if (json.state === 'CANCELLED' && page.result && page.result.run === run) {
      // A preview or the months done stay on screen, said to be all there is.
      $('live-banner').dataset.kind = 'stopped';
      $('live-banner').textContent = 'Stopped before the end: this is the ' + (page.result.kind === 'preview'
        ? 'preview on a sample' : 'part simulated') + ' only. Press Run for the whole run.';
    } else if (json.state === 'QUEUED' || json.state === 'RUNNING') poll(run);
  }, 80);
}

function setProgress(status) {
  const box = $('progress');
  if (!status) { box.hidden = true; $('stop').hidden = true; return; }
  box.hidden = false;
  const share = status.total > 0 ? status.done / status.total : 0;
  box.querySelector('.fill').style.width = Math.round(100 * (status.state === 'DONE' ? 1 : share)) + '%';
  const labels = { QUEUED: 'Waiting for a worker…', RUNNING: 'Simulating ' + Math.round(100 * share) + '%',
    DONE: 'Done', FAILED: 'Failed', CANCELLED: 'Cancelled' };
  box.querySelector('.label').textContent = labels[status.state] || status.state;
  box.dataset.state = status.state;
  $('stop').hidden = !(status.state === 'QUEUED' || status.state === 'RUNNING');
}

// ---- results --------------------------------------------------------------------------------------------------

// Shows a run's results: kind is 'final' (the whole run), 'preview' (a quick run on a sample) or 'partial' (the
// months simulated so far). A final result becomes the "previous run" the next one is compared with.
function showResult(status, kind) {
  kind = kind || 'final';
  const r = status.result;
  // The previous run is the last whole run before this one: previews and snapshots in between do not count.
  if (kind === 'final') {
    if (page.lastFinal && page.lastFinal.run !== status.run) page.previous = page.lastFinal;
    page.lastFinal = { run: status.run, kind, result: r };
  }
  const compareWith = kind === 'final' ? page.previous : page.lastFinal;
  page.result = { run: status.run, kind, result: r };
  if (status.run === page.run) window.segmentlab.shownKinds.push(kind);
  if (page.runSeq === page.changeSeq) setStale(false);
  $('empty').hidden = true;
  $('output').hidden = false;
  document.body.dataset.resultKind = kind;
  const info = $('run-info');
  info.replaceChildren(r.customers.toLocaleString('en') + ' customers · ' + r.months + ' months · '
    + r.strategies.length + ' strategies · seed ' + r.seed
    + (r.replications > 1 ? ' · ' + r.replications + ' replications, 95% intervals' : '')
    + ' · simulated in ' + r.simulateMs + ' ms, charts in ' + r.drawMs + ' ms');
  if (kind !== 'final') info.append(el('span', { class: 'result-kind', text: kind === 'preview' ? 'preview on a sample' : 'in progress' }));
  const banner = $('live-banner');
  banner.hidden = kind === 'final';
  banner.dataset.kind = kind;
  if (kind === 'preview') {
    banner.textContent = 'Preview: a ' + r.sampleCustomers.toLocaleString('en') + '-customer sample, scaled to '
      + r.customers.toLocaleString('en') + ' customers. The full run follows.';
    window.segmentlab.previewBanner = banner.textContent;
  } else if (kind === 'partial') {
    banner.textContent = r.replicationsDone === 0
      ? 'In progress: month ' + r.monthsDone + ' of ' + r.months + ' of the full run.'
      : 'In progress: ' + r.replicationsDone + ' of ' + r.replications + ' replications of the full run.';
  }
  renderFigures(r.figures, compareWith ? compareWith.result.figures : null);
  const images = [];
  const place = (boxId, charts) => {
    const box = $(boxId);
    const figures = box.querySelectorAll('figure');
    if (figures.length === charts.length && charts.length > 0) {
      // The same charts again (a newer snapshot): swap each image in place, so the old one stays until the new loads.
      charts.forEach((c, i) => {
        const img = figures[i].querySelector('img');
        images.push(new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; }));
        img.src = c.url;
        img.alt = c.title;
        figures[i].dataset.group = c.group;
        figures[i].querySelector('figcaption').replaceChildren(el('b', { text: c.strategy ? c.strategy : c.title }), ' ' + c.caption);
      });
      return;
    }
    box.replaceChildren();
    for (const c of charts) {
      const img = el('img', { src: c.url, alt: c.title, width: c.width, height: c.height });
      images.push(new Promise((resolve) => { img.onload = resolve; img.onerror = resolve; }));
      const caption = el('figcaption', {}, el('b', { text: c.strategy ? c.strategy : c.title }), ' ' + c.caption);
      box.append(el('figure', { class: 'chart', 'data-group': c.group }, img, caption));
    }
  };
  place('charts-differences', r.charts.filter((c) => c.group === 'differences'));
  place('charts-comparison', r.charts.filter((c) => c.group === 'comparison'));
  place('charts-per-strategy', r.charts.filter((c) => c.group === 'per-strategy'));
  $('charts-per-strategy').style.setProperty('--columns', String(Math.min(r.strategies.length, 2)));
  $('charts-per-strategy').style.setProperty('--columns-wide', String(Math.min(r.strategies.length, 4)));
  $('present').disabled = r.charts.length === 0;
  if (document.body.classList.contains('presenting')) renderPresentation();
  const download = $('download');
  download.href = '/api/bundle?run=' + encodeURIComponent(status.run);
  download.hidden = kind !== 'final';
  const run = status.run;
  if (kind === 'preview') {
    Promise.all(images).then(() => {
      if (run !== page.run || window.segmentlab.previewFor === run) return;
      window.segmentlab.previewFor = run;
      window.segmentlab.previewAt = performance.now();
      window.segmentlab.previewMs = Math.round(window.segmentlab.previewAt - page.clickedAt);
    });
  }
  Promise.all(images).then(() => {
    if (run !== page.run || kind !== 'final') return;
    const ms = Math.round(performance.now() - page.clickedAt);
    window.segmentlab.lastRun = run;
    window.segmentlab.clickToChartsMs = ms;
    document.body.dataset.chartsFor = run;
    info.append(' · on screen ' + ms + ' ms after Run');
  });
}

// The key figures; each difference coloured by whether it is good for the business (the server judges it), with
// its 95% interval when there are replications, and the previous run's value in italics for comparison.
function renderFigures(table, previous) {
  const figures = $('figures');
  figures.replaceChildren();
  const head = el('tr', {}, el('th', { text: 'Strategy' }));
  for (const c of table.columns) head.append(el('th', { text: c }));
  figures.append(el('thead', {}, head));
  const before = new Map();
  if (previous) {
    for (const row of previous.rows) for (const cell of row.cells) before.set(row.strategy + '\u0000' + cell.figure, cell);
  }
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr', { 'data-strategy': row.strategy },
      el('th', { scope: 'row', text: row.strategy + (row.baseline && row.strategy.toLowerCase() !== 'baseline' ? ' (baseline)' : '') }));
    for (const cell of row.cells) {
      const td = el('td', { 'data-figure': cell.figure }, el('span', { class: 'value', text: cell.text }));
      if (cell.interval) td.append(el('span', { class: 'interval', text: cell.interval }));
      if (cell.differenceText) {
        td.append(el('span', { class: 'diff ' + cell.judgement, text: cell.differenceText,
          title: { good: 'Good for the business', bad: 'Bad for the business', neutral: 'Neither good nor bad in itself',
            flat: 'No difference', unclear: 'The 95% interval includes no difference: more replications may tell' }[cell.judgement] }));
        if (cell.differenceInterval) td.append(el('span', { class: 'interval', text: cell.differenceInterval }));
      }
      const old = before.get(row.strategy + '\u0000' + cell.figure);
      if (old && old.text !== cell.text) td.append(el('span', { class: 'previous', text: 'previous run: ' + old.text }));
      tr.append(td);
    }
    body.append(tr);
  }
  figures.append(body);
}

// ---- presentation mode ----------------------------------------------------------------------------------------

// The charts in the order a room discusses them: the comparisons first, then the differences, then each strategy.
function presentationCharts() {
  if (!page.result) return [];
  const charts = page.result.result.charts;
  const order = ['comparison', 'differences', 'per-strategy'];
  return order.flatMap((g) => charts.filter((c) => c.group === g));
}

function present(on) {
  if (on && !page.result) return;
  document.body.classList.toggle('presenting', on);
  $('presentation').hidden = !on;
  if (on) renderPresentation();
  else window.segmentlab.presentation = null;
}

function presentTurn(step) {
  const pages = Math.max(1, Math.ceil(presentationCharts().length / 4));
  page.presentPage = Math.min(pages - 1, Math.max(0, page.presentPage + step));
  renderPresentation();
}

function renderPresentation() {
  const charts = presentationCharts();
  const pages = Math.max(1, Math.ceil(charts.length / 4));
  page.presentPage = Math.min(page.presentPage, pages - 1);
  const shown = charts.slice(4 * page.presentPage, 4 * page.presentPage + 4);
  const box = $('present-charts');
  box.replaceChildren(...shown.map((c) => el('figure', { 'data-group': c.group }, el('img', { src: c.url, alt: c.title, width: c.width, height: c.height }))));
  $('present-title').textContent = page.form ? page.form.name : '';
  $('present-page').textContent = 'charts ' + (4 * page.presentPage + 1) + '–' + (4 * page.presentPage + shown.length)
    + ' of ' + charts.length + ' (page ' + (page.presentPage + 1) + ' of ' + pages + ')';
  $('present-prev').disabled = page.presentPage === 0;
  $('present-next').disabled = page.presentPage >= pages - 1;
  window.segmentlab.presentation = { page: page.presentPage, pages, charts: shown.length };
}

function presentKeys(event) {
  const typing = event.target && /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
  const presenting = document.body.classList.contains('presenting');
  if (presenting && event.key === 'Escape') present(false);
  else if (presenting && (event.key === 'ArrowRight' || event.key === 'PageDown' || event.key === ' ')) presentTurn(1);
  else if (presenting && (event.key === 'ArrowLeft' || event.key === 'PageUp')) presentTurn(-1);
  else if (!typing && (event.key === 'p' || event.key === 'P') && !event.ctrlKey && !event.metaKey) present(!presenting);
  else return;
  event.preventDefault();
}

// ---- problems -------------------------------------------------------------------------------------------------

function clearProblems() {
  $('problems').hidden = true;
  $('problems').replaceChildren();
  for (const f of document.querySelectorAll('.field.invalid')) {
    f.classList.remove('invalid');
    f.querySelector('.error').textContent = '';
  }
}

// Each problem beside its control when the page has one; the rest (the uploaded file's) in the banner.
function showProblems(problems) {
  const general = [];
  for (const p of problems) {
    const field = p.field === 'market.potential' && !fieldBox(p.field) ? 'market.initialCustomers' : p.field;
    const box = fieldBox(field);
    if (box) {
      box.classList.add('invalid');
      const error = box.querySelector('.error');
      error.textContent = (error.textContent ? error.textContent + ' ' : '') + p.message;
    } else {
      general.push(p);
    }
  }
  if (general.length) {
    const banner = $('problems');
    const list = el('ul');
    for (const p of general) {
      const file = p.source ? p.source + ' ' : '';
      const where = p.line > 0 ? file + 'line ' + p.line + ':' + p.column + (p.path ? ' (' + p.path + ')' : '') + ': '
        : p.path ? file + p.path + ': ' : file;
      list.append(el('li', { 'data-field': p.field, text: where + p.message }));
    }
    const title = general.some((p) => p.field === 'upload')
      ? (general.some((p) => p.source === 'upload.yaml') ? 'The uploaded scenario has problems' : 'These values do not fit the scenario')
      : 'Cannot run';
    const note = page.form && general.some((p) => p.source === 'upload.yaml')
      ? el('p', { class: 'note', text: 'Nothing was loaded; the page still shows “' + page.form.name + '”.' }) : '';
    banner.replaceChildren(el('strong', { text: title }), list, note);
    banner.hidden = false;
  }
}

function fieldBox(field) {
  return document.querySelector('.field[data-field="' + CSS.escape(field) + '"]');
}

start();
