// SegmentLab tournament page: join a room, set a team's entry, or run the room as its facilitator. Plain JS; the
// server keeps who you are in HttpOnly cookies, this page only asks /api/tournament/state every few seconds.
'use strict';

const $ = (id) => document.getElementById(id);
const POLL_MS = 2000;
let state = null;
let draft = null;       // the team's entry being edited: segment -> treatment
let shownBridge = null; // the team whose bridge the facilitator looks at

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'class') e.className = v; else e.setAttribute(k, v); });
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

function money(v) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '—';
  const cur = state && state.currency ? ' ' + state.currency : '';
  return Math.round(Number(v)).toLocaleString('en') + cur;
}

function objectiveValue(v) {
  if (!state || state.objective.id === 'profit') return money(v);
  if (state.objective.id === 'retention') return (100 * Number(v)).toFixed(1) + ' %';
  return Math.round(Number(v)).toLocaleString('en');
}

function showProblems(problems) {
  const box = $('problems');
  box.replaceChildren(...problems.map((p) => el('div', {}, p.field ? p.field + ': ' + p.message : p.message)));
  box.hidden = problems.length === 0;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'X-SegmentLab-Page': '1' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok && response.status !== 401) {
    showProblems(data && data.problems ? data.problems : [{ message: (data && data.message) || 'the server answered ' + response.status }]);
  } else if (response.ok) {
    showProblems([]);
  }
  return { status: response.status, data };
}

// ---- join / open --------------------------------------------------------------------------------------------

async function loadScenarios() {
  const r = await fetch('/api/scenarios');
  if (!r.ok) { $('open-card').hidden = true; return; }
  const list = await r.json();
  $('open-scenario').replaceChildren(...list.scenarios.map((s) => el('option', { value: s.name }, s.title)));
  $('open-scenario').value = list.default;
}

async function join() {
  const r = await api('POST', '/api/tournament/join', { code: $('join-code').value.trim(), team: $('join-team').value });
  if (r.status === 201) refresh();
}

async function openRoom() {
  const number = (id) => ($(id).value === '' ? null : Number($(id).value));
  const r = await api('POST', '/api/tournament/rooms', {
    scenario: $('open-scenario').value, objective: $('open-objective').value, budget: number('open-budget'),
    replications: number('open-replications'), customers: number('open-customers'), monthsPerRound: number('open-months'),
  });
  if (r.status === 201) refresh();
}

// ---- team ---------------------------------------------------------------------------------------------------

function treatmentTitle(t) {
  const parts = Object.entries(t.parameters).map(([k, v]) => k + ' ' + v);
  return parts.length ? parts.join(', ') : 'no effect';
}

// The grid is built once per round (a poll must not close a select the team has open); then updated in place.
function buildEntry() {
  const rows = state.segments.map((s) => {
    const select = el('select', { 'aria-label': 'Treatment for ' + s.name, 'data-segment': s.name });
    state.treatments.forEach((t) => select.append(el('option', { value: t.name, title: treatmentTitle(t) }, t.name)));
    select.value = draft[s.name];
    select.addEventListener('change', () => { draft[s.name] = select.value; updateEntry(); });
    return el('tr', {}, el('td', {}, s.name), el('td', { class: 'n' }, s.customers.toLocaleString('en')),
      el('td', {}, select), el('td', { class: 'n', 'data-cost': s.name }, ''));
  });
  $('entry-grid').tBodies[0].replaceChildren(...rows);
}

function updateEntry() {
  const byName = Object.fromEntries(state.treatments.map((t) => [t.name, t]));
  // Projected spend at month 0: per-customer costs times the segment's customers, plus each distinct fixed cost.
  let spend = 0;
  const fixed = new Set();
  state.segments.forEach((s) => {
    const t = byName[draft[s.name]];
    spend += t.cost * s.customers;
    if (t.fixedCost > 0) fixed.add(t.name);
    $('entry-grid').querySelector('[data-cost="' + CSS.escape(s.name) + '"]').textContent = money(t.cost * s.customers);
    $('entry-grid').querySelector('select[data-segment="' + CSS.escape(s.name) + '"]').title = treatmentTitle(t);
  });
  fixed.forEach((n) => { spend += byName[n].fixedCost; });
  const share = state.budget > 0 ? spend / state.budget : (spend > 0 ? 2 : 0);
  $('spend-fill').style.width = Math.min(100, 100 * share) + '%';
  $('spend-fill').className = share > 1 ? 'over' : '';
  $('spend-text').textContent = 'projected spend ' + money(spend) + ' a month of ' + money(state.budget)
    + (share > 1 ? ' — over budget: the most valuable customers are treated first' : '');
  const open = state.state === 'open';
  $('entry-grid').querySelectorAll('select').forEach((s) => { s.disabled = !open; });
  $('submit').disabled = !open;
  $('submit-state').textContent = state.entry ? 'submitted for round ' + state.round + (sameAsSubmitted() ? '' : ' (changed since: submit again)')
    : (open ? 'not submitted yet' : '');
}

function sameAsSubmitted() {
  return state.entry && state.segments.every((s) => state.entry[s.name] === draft[s.name]);
}

async function submitEntry() {
  const r = await api('POST', '/api/tournament/entry', { treatments: draft });
  if (r.status === 200) refresh();
}

function renderTeams(list, target) {
  $(target).replaceChildren(...state.teams.map((t) => el('li', {}, el('span', {}, t.name),
    el('span', { class: t.submitted ? 'yes' : 'no' }, t.submitted ? 'submitted' : 'not yet'))));
}

function roundLine() {
  const words = { open: 'open: teams submit', running: 'closed: running', revealed: 'results revealed' };
  return 'Round ' + state.round + ' — ' + words[state.state] + ' · ' + state.monthsPerRound + ' months, '
    + (state.start === 'continue' ? 'market continues' : 'market from month 0') + ' · ranked by ' + state.objective.label
    + ' · budget ' + money(state.budget) + ' a month';
}

// ---- results ------------------------------------------------------------------------------------------------

function leaderboard(result, me) {
  const lb = result.leaderboard;
  const interval = (s) => (Number.isNaN(Number(s.low)) ? '—' : objectiveValue(s.low) + ' … ' + objectiveValue(s.high));
  const rows = lb.standings.map((s) => el('tr', { class: s.name === me ? 'me' : '' },
    el('td', { class: 'rank' }, s.rank), el('td', {}, s.name), el('td', { class: 'n' }, objectiveValue(s.mean)),
    el('td', { class: 'n' }, interval(s)),
    el('td', { class: 'tied' }, s.tiedWith.length ? 'tied with ' + s.tiedWith.join(', ') : '')));
  rows.push(el('tr', {}, el('td', {}, ''), el('td', { class: 'muted' }, state.baseline + ' (reference)'),
    el('td', { class: 'n muted' }, objectiveValue(lb.baseline[0])), el('td', {}, ''), el('td', {}, '')));
  return el('div', { class: 't-card' }, el('h2', {}, 'Leaderboard, round ' + result.round + ' (months ' + (result.fromMonth + 1) + '–' + result.toMonth + ')'),
    el('div', { class: 't-scroll' }, el('table', { class: 't-table t-board' },
      el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Team'), el('th', { class: 'n' }, 'Mean'),
        el('th', { class: 'n' }, '95% interval'), el('th', {}, ''))), el('tbody', {}, rows))));
}

function bridgeTable(title, lines) {
  const rows = lines.filter((l) => l.component === 'total' || Math.abs(l.mean) >= 0.5).map((l) => el('tr', {},
    el('td', {}, l.component === 'total' ? 'total' : l.label),
    el('td', { class: 'n ' + (l.mean >= 0 ? 'pos' : 'neg') }, (l.mean >= 0 ? '+' : '') + money(l.mean))));
  return el('div', { class: 't-card' }, el('h2', {}, title), el('table', { class: 't-table t-bridge' }, el('tbody', {}, rows)));
}

function entriesTable(result) {
  const head = el('tr', {}, el('th', {}, 'Team'), ...state.segments.map((s) => el('th', {}, s.name)));
  const rows = Object.entries(result.entries).map(([team, e]) => el('tr', {}, el('td', {}, team),
    ...state.segments.map((s) => el('td', {}, e[s.name]))));
  return el('div', { class: 't-card' }, el('h2', {}, 'Entries, revealed'),
    el('div', { class: 't-scroll' }, el('table', { class: 't-table' }, el('thead', {}, head), el('tbody', {}, rows))));
}

function renderResults(target, me, facilitator) {
  if (!state.results.length) { $(target).replaceChildren(); return; }
  const result = state.results[state.results.length - 1];
  const cards = [leaderboard(result, me)];
  const side = [];
  if (result.topTwo.length) side.push(bridgeTable('What separated ' + result.winner + ' from ' + result.runnerUp + ' (profit bridge)', result.topTwo));
  const names = Object.keys(result.bridges);
  if (facilitator && names.length) {
    if (!names.includes(shownBridge)) shownBridge = names[0];
    const pick = el('select', { id: 'bridge-team', 'aria-label': 'Team whose bridge is shown' }, ...names.map((n) => el('option', { value: n }, n)));
    pick.value = shownBridge;
    pick.addEventListener('change', () => { shownBridge = pick.value; renderResults(target, me, facilitator); });
    const card = bridgeTable('Profit bridge against ' + state.baseline, result.bridges[shownBridge]);
    card.insertBefore(el('label', {}, 'Team ', pick), card.children[1]);
    side.push(card);
  } else if (result.bridges[me]) {
    side.push(bridgeTable('Your profit bridge against ' + state.baseline, result.bridges[me]));
  }
  cards.push(el('div', { class: 't-columns' }, side));
  cards.push(entriesTable(result));
  $(target).replaceChildren(el('div', { class: 't-results', id: target + '-debrief' }, cards));
}

// ---- views --------------------------------------------------------------------------------------------------

function show(view) {
  ['join-view', 'team-view', 'facilitator-view'].forEach((v) => { $(v).hidden = v !== view; });
}

function render() {
  if (!state) {
    show('join-view');
    $('where').textContent = '';
    return;
  }
  if (state.role === 'facilitator') {
    show('facilitator-view');
    $('where').textContent = state.scenario + ' · facilitator';
    $('room-code').textContent = state.code;
    $('join-url').textContent = location.origin + '/tournament';
    $('fac-round').textContent = roundLine();
    renderTeams(state.teams, 'fac-team-list');
    $('submitted-count').textContent = state.teams.filter((t) => t.submitted).length + ' of ' + state.teams.length + ' submitted';
    $('close-round').hidden = state.state !== 'open';
    $('close-round').disabled = !state.teams.some((t) => t.submitted) && !state.results.length;
    $('next-round').hidden = state.state !== 'revealed';
    $('export-csv').hidden = !state.results.length;
    $('export-report').hidden = !state.results.length;
    if (state.error) showProblems([{ message: state.error }]);
    renderResults('fac-results', null, true);
    return;
  }
  show('team-view');
  $('where').textContent = state.scenario + ' · team ' + state.team.name;
  $('team-title').textContent = 'Team ' + state.team.name;
  $('team-round').textContent = roundLine();
  if (!draft || state.draftRound !== state.round) {
    const start = state.entry || state.previous || {};
    draft = Object.fromEntries(state.segments.map((s) => [s.name, start[s.name] || 'none']));
    state.draftRound = state.round;
    buildEntry();
  }
  updateEntry();
  renderTeams(state.teams, 'team-list');
  renderResults('team-results', state.team.name, false);
}

async function refresh() {
  const r = await fetch('/api/tournament/state');
  const round = state ? state.draftRound : undefined;
  if (r.status === 200) {
    state = await r.json();
    state.draftRound = round;
  } else {
    state = null;
  }
  render();
}

window.addEventListener('DOMContentLoaded', () => {
  $('join').addEventListener('click', join);
  $('open').addEventListener('click', openRoom);
  $('submit').addEventListener('click', submitEntry);
  $('close-round').addEventListener('click', async () => { await api('POST', '/api/tournament/close', {}); refresh(); });
  $('open-next').addEventListener('click', async () => { await api('POST', '/api/tournament/next', { mode: $('next-mode').value }); refresh(); });
  loadScenarios();
  refresh();
  setInterval(refresh, POLL_MS);
});
