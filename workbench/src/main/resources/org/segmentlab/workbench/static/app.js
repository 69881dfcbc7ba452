// SegmentLab workbench page: choose or upload a scenario, change treatments and key values, run on the server,
// poll its progress, show the charts and key figures. Every control is named by the scenario path it overrides.
'use strict';

const page = {
  source: null,        // {shipped: name} or {yaml: text}
  form: null,          // the server's description of the scenario's controls
  initial: new Map(),  // path -> value as first shown: only changed values are sent
  run: null,           // id of the latest run asked for
  clickedAt: 0,        // performance.now() when Run was pressed (or the auto re-run fired)
  pollTimer: 0,
  autoTimer: 0,
};
// What the end-to-end tests read: the latest finished run, how long it took to show its charts, and whether a
// change has an automatic re-run waiting (so a test can tell "nothing will start" without waiting to see).
window.segmentlab = { currentRun: null, lastRun: null, clickToChartsMs: null, autoRunPending: false };

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
  return true;
}

function renderGrid(form) {
  const grid = $('grid');
  grid.replaceChildren();
  const head = el('tr', {}, el('th', { text: 'Segment' }));
  for (const s of form.strategies) head.append(el('th', { text: s.name }));
  grid.append(el('thead', {}, head));
  const body = el('tbody');
  for (const segment of form.segments) {
    const row = el('tr', {}, el('th', { text: segment, scope: 'row' }));
    for (const s of form.strategies) {
      const path = s.path + '.treatments.' + segment;
      const select = el('select', { 'data-path': path, 'aria-label': s.name + ': ' + segment });
      for (const t of form.treatments) select.append(el('option', { value: t, text: t }));
      select.value = s.treatments[segment];
      page.initial.set(path, select.value);
      select.addEventListener('change', changed);
      const cell = el('td', { class: 'field', 'data-field': path }, select, el('div', { class: 'error' }));
      row.append(cell);
    }
    body.append(row);
  }
  grid.append(body);
}

function renderSliders(form) {
  const box = $('sliders');
  box.replaceChildren();
  let section = null;
  let group = null;
  for (const s of form.sliders) {
    if (s.group !== group) {
      group = s.group;
      section = el('section', {}, el('h2', { text: group }));
      box.append(section);
    }
    const text = String(s.value);
    const range = el('input', { type: 'range', min: s.min, max: s.max, step: s.step, value: s.value, tabindex: '-1',
      'aria-hidden': 'true' });
    const number = el('input', { type: 'text', inputmode: 'decimal', value: text, 'data-path': s.path,
      'aria-label': s.label, class: 'number' });
    range.addEventListener('input', () => { number.value = range.value; });
    range.addEventListener('change', () => { number.value = range.value; changed(); });
    number.addEventListener('change', () => { range.value = number.value; changed(); });
    page.initial.set(s.path, text);
    section.append(el('div', { class: 'field slider', 'data-field': s.path },
      el('label', { text: s.label }), el('div', { class: 'inputs' }, range, number), el('div', { class: 'error' })));
  }
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

// A change re-runs by itself when the population is small enough to answer at once (debounced).
function changed() {
  clearTimeout(page.autoTimer);
  window.segmentlab.autoRunPending = population() <= page.form.autoRunCustomers;
  if (window.segmentlab.autoRunPending) {
    page.autoTimer = setTimeout(runNow, 400);
  }
}

async function runNow() {
  clearTimeout(page.autoTimer);
  window.segmentlab.autoRunPending = false;
  clearProblems();
  page.clickedAt = performance.now();
  const request = Object.assign({}, page.source, { overrides: overrides() });
  const { status, json } = await api('POST', '/api/run', request);
  if (status !== 202) {
    showProblems(json && json.problems ? json.problems
      : [{ field: 'request', message: status === 413 ? 'the scenario is too large (at most 256 KiB)' : 'the server answered ' + status }]);
    setProgress(null);
    return;
  }
  page.run = json.run;
  window.segmentlab.currentRun = json.run;
  setProgress({ state: 'QUEUED', done: 0, total: 1 });
  poll(json.run);
}

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
    if (json.state === 'DONE') showResult(json);
    else if (json.state === 'FAILED') { showProblems([{ field: 'request', message: 'the run failed: ' + json.error }]); }
    else if (json.state === 'QUEUED' || json.state === 'RUNNING') poll(run);
  }, 50);
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

function showResult(status) {
  const r = status.result;
  $('empty').hidden = true;
  $('output').hidden = false;
  $('run-info').textContent = r.customers.toLocaleString('en') + ' customers · ' + r.months + ' months · '
    + r.strategies.length + ' strategies · seed ' + r.seed + ' · simulated in ' + r.simulateMs + ' ms, charts in '
    + r.drawMs + ' ms';
  renderFigures(r.figures);
  const images = [];
  const place = (boxId, charts) => {
    const box = $(boxId);
    box.replaceChildren();
    for (const c of charts) {
      const img = el('img', { src: c.url, alt: c.title });
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
  const download = $('download');
  download.href = '/api/bundle?run=' + encodeURIComponent(status.run);
  download.hidden = false;
  const run = status.run;
  Promise.all(images).then(() => {
    if (run !== page.run) return;
    const ms = Math.round(performance.now() - page.clickedAt);
    window.segmentlab.lastRun = run;
    window.segmentlab.clickToChartsMs = ms;
    document.body.dataset.chartsFor = run;
    $('run-info').textContent += ' · on screen ' + ms + ' ms after Run';
  });
}

function renderFigures(table) {
  const figures = $('figures');
  figures.replaceChildren();
  const head = el('tr', {}, el('th', { text: 'Strategy' }));
  for (const c of table.columns) head.append(el('th', { text: c }));
  figures.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr', { 'data-strategy': row.strategy },
      el('th', { scope: 'row', text: row.strategy + (row.baseline && row.strategy.toLowerCase() !== 'baseline' ? ' (baseline)' : '') }));
    for (const cell of row.cells) {
      const td = el('td', { 'data-figure': cell.figure }, el('span', { class: 'value', text: cell.text }));
      if (cell.differenceText) {
        const sign = cell.difference > 0 ? 'up' : cell.difference < 0 ? 'down' : 'flat';
        td.append(el('span', { class: 'diff ' + sign, text: cell.differenceText }));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  figures.append(body);
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
