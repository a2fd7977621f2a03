// Panorama operations console: polls GET /lag every second and the admin endpoints every few seconds,
// with the credentials the operator typed in (kept in this tab's sessionStorage, sent as a header only).
// No framework: the page is small, and CSP allows no other origin and no inline script.

const STORAGE_KEY = 'panorama.console.credential';
const LAG_EVERY_MS = 1000;
const ADMIN_EVERY_MS = 5000;
const REQUEST_TIMEOUT_MS = 10000;
const CHART_WINDOW_MS = 5 * 60 * 1000;
const RATE_WINDOW_MS = 60 * 1000;
const STALE_PROGRESS_MS = 10 * 1000;
const SVG = 'http://www.w3.org/2000/svg';
const numbers = new Intl.NumberFormat('en');

const state = {
  credential: null,
  generation: 0,
  views: new Map(),
  deadLetters: null,
  admin: { available: null, message: '' },
};

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the query API with the signed-in credentials; paths are relative to /console/, so a path prefix works too. */
async function api(path, { method = 'GET', body } = {}) {
  if (!state.credential) {
    throw new ApiError(401, { detail: 'signed out' });
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  if (state.credential.kind === 'bearer') {
    headers.Authorization = `Bearer ${state.credential.value}`;
  } else {
    headers['X-Api-Key'] = state.credential.value;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(new URL(`../${path}`, window.location.href), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', redirect: 'error', signal: abort.signal,
    });
  } catch (error) {
    throw new ApiError(0, { detail: `the query API did not answer (${error.name === 'AbortError' ? 'timed out' : error.message})` });
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

function explain(error) {
  switch (error.status) {
    case 401: return `Not signed in: the query API refused these credentials (401: ${error.message}).`;
    case 403: return `Signed in, but not allowed (403: ${error.message}). The console needs the admin role `
      + '(an operator sees the lag only).';
    case 404: return `Not available on this query API (404: ${error.message}).`;
    case 409: return `Refused, nothing changed (409: ${error.message}).`;
    case 0: return `No answer: ${error.message}.`;
    default: return `Failed (${error.status}: ${error.message}).`;
  }
}

// ---- sign-in -------------------------------------------------------------------------------------------------

function showSignIn(message) {
  $('sign-in').hidden = false;
  $('console').hidden = true;
  $('who').hidden = true;
  const error = $('sign-in-error');
  error.textContent = message || '';
  error.hidden = !message;
  if (message) {
    $('credential').focus();
  }
}

async function signIn(credential) {
  const generation = ++state.generation;
  state.credential = credential;
  let report;
  try {
    report = await api('lag');
  } catch (error) {
    signOut(explain(error));
    return;
  }
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credential));
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('who').hidden = false;
  $('who-kind').textContent = credential.kind === 'bearer' ? 'a bearer token' : 'an API key';
  $('credential').value = '';
  render(report);
  setTimeout(() => pollLag(generation), LAG_EVERY_MS);
  pollAdmin(generation);
}

function signOut(message) {
  state.generation++;
  state.credential = null;
  sessionStorage.removeItem(STORAGE_KEY);
  state.views.clear();
  $('views').replaceChildren();
  setStatus('');
  showSignIn(message);
}

function setStatus(message, isError = false) {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

// ---- polling -------------------------------------------------------------------------------------------------

async function pollLag(generation) {
  if (generation !== state.generation) {
    return;
  }
  try {
    const report = await api('lag');
    if (generation !== state.generation) {
      return;
    }
    render(report);
    setStatus('');
  } catch (error) {
    if (generation !== state.generation) {
      return;
    }
    if (error.status === 401 || error.status === 403) {
      signOut(explain(error));
      return;
    }
    setStatus(`Lag: ${explain(error)} Retrying every second.`, true);
  }
  setTimeout(() => pollLag(generation), LAG_EVERY_MS);
}

async function pollAdmin(generation) {
  if (generation !== state.generation) {
    return;
  }
  await Promise.all([loadDeadLetters(), probeVersions()]);
  if (generation === state.generation) {
    setTimeout(() => pollAdmin(generation), ADMIN_EVERY_MS);
  }
}

// ---- views ---------------------------------------------------------------------------------------------------

function render(report) {
  const at = Date.parse(report.at);
  $('report-at').textContent = `as of ${new Date(at).toLocaleTimeString()}`;
  for (const lag of report.views) {
    updateView(viewFor(lag.view), lag, at);
  }
}

function viewFor(id) {
  let view = state.views.get(id);
  if (view) {
    return view;
  }
  const element = $('view-template').content.firstElementChild.cloneNode(true);
  element.dataset.view = id;
  element.id = `view-${id}`;
  element.setAttribute('aria-labelledby', `view-${id}-name`);
  const name = element.querySelector('.view-name');
  name.id = `view-${id}-name`;
  name.textContent = id;
  view = { id, element, history: [], progress: [], lag: null };
  element.querySelector('.switch').addEventListener('click', () => switchVersion(view));
  element.querySelector('.rollback').addEventListener('click', () => rollBack(view));
  state.views.set(id, view);
  $('views').append(element);
  return view;
}

function field(view, name) {
  return view.element.querySelector(`[data-field="${name}"]`);
}

function updateView(view, lag, at) {
  view.lag = lag;
  const badge = field(view, 'status');
  badge.textContent = lag.status;
  badge.className = `badge status-${lag.status}`;
  field(view, 'messageLag').textContent = `${numbers.format(lag.messageLag)} messages`;
  field(view, 'timeLag').textContent = duration(lag.timeLagMillis);
  const heartbeat = lag.heartbeat;
  field(view, 'heartbeat').textContent = heartbeat.samples > 0 && heartbeat.lastMillis != null
    ? `last ${heartbeat.lastMillis} ms · p50 ${heartbeat.p50Millis} ms · p99 ${heartbeat.p99Millis} ms (${numbers.format(heartbeat.samples)} samples)`
    : 'no round trip measured yet';
  field(view, 'active').textContent = `v${lag.versions.active}`;
  field(view, 'building').textContent = lag.versions.building == null ? 'none' : `v${lag.versions.building}`;
  field(view, 'previous').textContent = lag.versions.previous == null ? 'none' : `v${lag.versions.previous}`;

  view.history.push({ at, lags: new Map(lag.partitions.map((p) => [`${p.topic}[${p.partition}]`, p.messageLag])) });
  while (view.history.length > 0 && view.history[0].at < at - CHART_WINDOW_MS) {
    view.history.shift();
  }
  drawChart(view, at);
  partitionRows(view, lag.partitions);
  updateRebuild(view, lag.rebuild, at);
  updateVersionActions(view);
}

function partitionRows(view, partitions) {
  const rows = partitions.map((p) => {
    const row = document.createElement('tr');
    const cells = [p.topic, p.partition, numbers.format(p.appliedOffset), numbers.format(p.logEndOffset), numbers.format(p.messageLag),
      duration(p.timeLagMillis), p.heartbeatRoundTripMillis == null ? '—' : `${p.heartbeatRoundTripMillis} ms`, p.status];
    cells.forEach((value, index) => {
      const cell = document.createElement('td');
      cell.textContent = String(value);
      if (index > 0 && index < 7) {
        cell.className = 'num';
      }
      row.append(cell);
    });
    return row;
  });
  view.element.querySelector('.partitions tbody').replaceChildren(...rows);
}

function duration(millis) {
  if (millis == null) {
    return '—';
  }
  if (millis < 1000) {
    return `${Math.round(millis)} ms`;
  }
  const seconds = millis / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const whole = Math.round(seconds);
  if (whole < 3600) {
    return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  }
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}

// ---- chart: message lag per partition over the last minutes, an inline SVG -------------------------------------

const CHART = { width: 640, height: 220, left: 60, right: 16, top: 14, bottom: 42 };

function svg(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, String(value)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** A round step (1, 2 or 5 times a power of ten) so that four steps cover {@code max}. */
function axisStep(max) {
  const raw = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw);
}

function drawChart(view, now) {
  const chart = view.element.querySelector('.lag-chart');
  const keys = [...new Set(view.history.flatMap((sample) => [...sample.lags.keys()]))].sort();
  const highest = Math.max(0, ...view.history.flatMap((sample) => [...sample.lags.values()]));
  const step = axisStep(highest);
  const top = step * 4;
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (at) => CHART.left + ((at - (now - CHART_WINDOW_MS)) / CHART_WINDOW_MS) * plotWidth;
  const y = (value) => CHART.top + plotHeight - (value / top) * plotHeight;
  const latest = view.history.at(-1);

  const titleId = `chart-${view.id}-title`;
  const descId = `chart-${view.id}-desc`;
  chart.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  const parts = [
    svg('title', { id: titleId }, `Message lag of ${view.id} per partition over the last ${CHART_WINDOW_MS / 60000} minutes`),
    svg('desc', { id: descId }, latest
      ? `${view.history.length} readings, one a second. Now: ${keys.map((key) => `${key} ${latest.lags.get(key) ?? 'no reading'}`).join('; ')}. `
        + `Highest over the window: ${numbers.format(highest)} messages.`
      : 'No reading yet.'),
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = tick * step;
    parts.push(svg('line', { class: 'grid', x1: CHART.left, x2: CHART.width - CHART.right, y1: y(value), y2: y(value) }));
    parts.push(svg('text', { class: 'tick', x: CHART.left - 6, y: y(value) + 4, 'text-anchor': 'end' }, numbers.format(value)));
  }
  for (let minute = CHART_WINDOW_MS / 60000; minute >= 0; minute--) {
    const at = x(now - minute * 60000);
    parts.push(svg('line', { class: 'grid', x1: at, x2: at, y1: CHART.top, y2: CHART.top + plotHeight }));
    parts.push(svg('text', { class: 'tick', x: at, y: CHART.top + plotHeight + 16, 'text-anchor': 'middle' },
      minute === 0 ? 'now' : `−${minute} min`));
  }
  parts.push(svg('text', { class: 'axis-label', x: CHART.left + plotWidth / 2, y: CHART.height - 4, 'text-anchor': 'middle' }, 'time'));
  parts.push(svg('text', {
    class: 'axis-label', x: -(CHART.top + plotHeight / 2), y: 14, 'text-anchor': 'middle', transform: 'rotate(-90)',
  }, 'messages behind'));
  parts.push(svg('line', { class: 'axis', x1: CHART.left, x2: CHART.left, y1: CHART.top, y2: CHART.top + plotHeight }));
  parts.push(svg('line', {
    class: 'axis', x1: CHART.left, x2: CHART.width - CHART.right, y1: CHART.top + plotHeight, y2: CHART.top + plotHeight,
  }));
  keys.forEach((key, index) => {
    const points = view.history.filter((sample) => sample.lags.has(key))
      .map((sample) => `${x(sample.at).toFixed(1)},${y(sample.lags.get(key)).toFixed(1)}`);
    parts.push(svg('polyline', { class: `series s${index % 8}`, points: points.join(' '), 'data-partition': key }));
  });
  chart.replaceChildren(...parts);
  chart.dataset.readings = String(view.history.length);

  const legend = keys.map((key, index) => {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const swatch = document.createElement('span');
    swatch.className = `swatch s${index % 8}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, `${key}: ${latest ? numbers.format(latest.lags.get(key) ?? 0) : '—'}`);
    return item;
  });
  view.element.querySelector('.legend').replaceChildren(...legend);
}

// ---- rebuild progress and its ETA ------------------------------------------------------------------------------

function updateRebuild(view, rebuild, at) {
  const section = view.element.querySelector('.rebuild');
  if (!rebuild) {
    section.hidden = true;
    view.progress = [];
    return;
  }
  section.hidden = false;
  field(view, 'rebuildVersion').textContent = `v${rebuild.version}`;
  field(view, 'phase').textContent = `Phase ${rebuild.phase}`;
  const progress = rebuild.progress;
  const bar = field(view, 'progressBar');
  if (!progress) {
    field(view, 'step').textContent = '';
    bar.removeAttribute('value');
    bar.textContent = 'waiting';
    field(view, 'percent').textContent = 'waiting for the first progress report';
    field(view, 'done').textContent = '';
    field(view, 'rate').textContent = '';
    field(view, 'eta').textContent = '—';
    view.progress = [];
    return;
  }
  const unit = progress.step === 'fold' ? 'archived records replayed' : 'documents written';
  field(view, 'step').textContent = `(step ${progress.step})`;
  const percent = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  bar.max = 100;
  bar.value = percent;
  bar.textContent = `${percent.toFixed(1)} %`;
  bar.setAttribute('aria-label', `Rebuild of ${view.id} v${rebuild.version}, step ${progress.step}`);
  field(view, 'percent').textContent = `${percent.toFixed(1)} %`;
  field(view, 'done').textContent = `${numbers.format(progress.done)} of ${numbers.format(progress.total)} ${unit}`;

  const sampleAt = progress.at ? Date.parse(progress.at) : at;
  const key = `${rebuild.version}/${progress.step}`;
  if (view.progress.length > 0 && view.progress[0].key !== key) {
    view.progress = [];
  }
  const last = view.progress.at(-1);
  if (!last || last.done !== progress.done || last.at !== sampleAt) {
    view.progress.push({ key, at: sampleAt, done: progress.done });
  }
  while (view.progress.length > 2 && view.progress[0].at < sampleAt - RATE_WINDOW_MS) {
    view.progress.shift();
  }
  const estimate = eta(progress, view.progress, at);
  const silence = at - sampleAt;
  field(view, 'rate').textContent = (estimate && estimate.rate
    ? `${numbers.format(Math.round(estimate.rate))}/s (rate ${estimate.source})` : 'rate not known yet')
    + (silence > STALE_PROGRESS_MS ? `, last progress report ${duration(silence)} ago` : '');
  field(view, 'eta').textContent = estimate ? duration(estimate.seconds * 1000) : 'estimating…';
}

/**
 * Time left for the step, counted down from the last progress report. The rebuild tool's own figures when
 * it gave them; else the rate this page saw {@code done} grow at over the last minute.
 */
function eta(progress, samples, now) {
  const left = Math.max(0, progress.total - progress.done);
  if (left === 0) {
    return { seconds: 0, rate: progress.perSecond, source: 'of the rebuild tool' };
  }
  const last = samples.at(-1);
  const since = Math.max(0, (now - last.at) / 1000);
  if (progress.perSecond > 0 && progress.etaSeconds > 0) {
    return { seconds: Math.max(0, progress.etaSeconds - since), rate: progress.perSecond, source: 'of the rebuild tool' };
  }
  const first = samples[0];
  if (samples.length >= 2 && last.at > first.at && last.done > first.done) {
    const rate = (last.done - first.done) / ((last.at - first.at) / 1000);
    return { seconds: Math.max(0, left / rate - since), rate, source: 'seen by this page' };
  }
  return null;
}

// ---- switch and rollback -----------------------------------------------------------------------------------------

function updateVersionActions(view) {
  const versions = view.lag.versions;
  const rebuild = view.lag.rebuild;
  const available = state.admin.available !== false;
  const switchButton = view.element.querySelector('.switch');
  switchButton.hidden = versions.building == null;
  if (versions.building != null) {
    const verified = rebuild && rebuild.phase === 'VERIFIED';
    switchButton.textContent = `Switch readers to v${versions.building}…`;
    switchButton.disabled = !available || !verified;
    switchButton.title = verified ? '' : 'possible once the rebuild has verified the new version';
  }
  const rollbackButton = view.element.querySelector('.rollback');
  rollbackButton.hidden = versions.previous == null || versions.building != null;
  if (versions.previous != null) {
    rollbackButton.textContent = `Roll back to v${versions.previous}…`;
    rollbackButton.disabled = !available;
  }
  const note = field(view, 'adminState');
  if (view.result) {
    note.textContent = view.result;
  } else if (!available && (versions.building != null || versions.previous != null)) {
    note.textContent = `Switch and rollback: ${state.admin.message}`;
  } else if (versions.building != null && !(rebuild && rebuild.phase === 'VERIFIED')) {
    note.textContent = 'The switch is possible once the rebuild has verified the new version.';
  } else {
    note.textContent = '';
  }
}

async function probeVersions() {
  const first = state.views.keys().next();
  if (first.done) {
    return;
  }
  try {
    await api(`admin/views/${encodeURIComponent(first.value)}/versions`);
    state.admin = { available: true, message: '' };
  } catch (error) {
    state.admin = error.status === 404
      ? { available: false, message: 'not available on this query API (no /admin/views endpoints).' }
      : { available: error.status === 0 ? null : false, message: explain(error) };
  }
  state.views.forEach((view) => view.lag && updateVersionActions(view));
}

/** The view's versions as the registry has them now, or null (the reason shown) when they cannot be read. */
async function freshVersions(view) {
  view.result = '';
  try {
    return await api(`admin/views/${encodeURIComponent(view.id)}/versions`);
  } catch (error) {
    showResult(view, explain(error));
    return null;
  }
}

async function switchVersion(view) {
  const versions = await freshVersions(view);
  if (versions == null) {
    return undefined;
  }
  if (versions.building == null) {
    return showResult(view, `Nothing is being built for ${view.id} any more; readers see v${versions.active}.`);
  }
  const confirmed = await confirmAction(`Switch ${view.id} to v${versions.building}?`,
    `Readers of ${view.id} will be answered from version ${versions.building} instead of version ${versions.active}, at once. `
    + `Version ${versions.active} is kept, maintained, for a rollback. The query API refuses the switch unless `
    + `version ${versions.building}'s rebuild has been verified.`, `Switch ${view.id} to v${versions.building}`);
  if (!confirmed) {
    return showResult(view, 'Switch cancelled; nothing changed.');
  }
  try {
    const after = await api(`admin/views/${encodeURIComponent(view.id)}/switch`, { method: 'POST', body: { version: versions.building } });
    return showResult(view, `Switched: readers of ${view.id} now see v${after.active}; v${after.previous} is kept for a rollback.`);
  } catch (error) {
    return showResult(view, `Switch: ${explain(error)}`);
  }
}

async function rollBack(view) {
  const versions = await freshVersions(view);
  if (versions == null) {
    return undefined;
  }
  if (versions.previous == null) {
    return showResult(view, `${view.id} has no previous version to roll back to; readers see v${versions.active}.`);
  }
  const confirmed = await confirmAction(`Roll ${view.id} back to v${versions.previous}?`,
    `Readers of ${view.id} will be answered from version ${versions.previous} instead of version ${versions.active}, at once. `
    + `Version ${versions.active} is kept, so that a second rollback rolls forward again.`, `Roll ${view.id} back to v${versions.previous}`);
  if (!confirmed) {
    return showResult(view, 'Rollback cancelled; nothing changed.');
  }
  try {
    const after = await api(`admin/views/${encodeURIComponent(view.id)}/rollback`, { method: 'POST' });
    return showResult(view, `Rolled back: readers of ${view.id} now see v${after.active}; v${after.previous} is kept.`);
  } catch (error) {
    return showResult(view, `Rollback: ${explain(error)}`);
  }
}

function showResult(view, message) {
  view.result = message;
  if (view.lag) {
    updateVersionActions(view);
  }
}

// ---- dead letters --------------------------------------------------------------------------------------------------

async function loadDeadLetters() {
  const stateLine = $('dead-letters-state');
  try {
    state.deadLetters = await api('admin/dead-letters');
  } catch (error) {
    state.deadLetters = null;
    $('dead-letters-body').hidden = true;
    stateLine.textContent = error.status === 404
      ? 'Not available: this query API has no dead-letter endpoint (/admin/dead-letters answered 404).'
      : `Dead letters: ${explain(error)}`;
    return;
  }
  const summary = state.deadLetters;
  stateLine.textContent = summary.waiting === 0 ? 'No dead letter waits.' : '';
  $('dead-letters-body').hidden = false;
  $('dlq-topic').textContent = summary.topic;
  $('dlq-waiting').textContent = `${numbers.format(summary.waiting)} letters`;
  $('dlq-scan').textContent = summary.truncated
    ? `(counts below cover the first ${numbers.format(summary.scanned)} only)` : '';
  const seen = new Set();
  const rows = summary.counts.map((count) => {
    const row = document.createElement('tr');
    [count.reason, count.originalTopic ?? '(none: a redrive skips these)', numbers.format(count.count)].forEach((value, index) => {
      const cell = document.createElement('td');
      cell.textContent = value;
      if (index === 2) {
        cell.className = 'num';
      }
      row.append(cell);
    });
    const action = document.createElement('td');
    if (!seen.has(count.reason)) {
      seen.add(count.reason);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Redrive ${count.reason}…`;
      button.addEventListener('click', () => redrive(count.reason));
      action.append(button);
    }
    row.append(action);
    return row;
  });
  $('dlq-rows').replaceChildren(...rows);
  $('dlq-redrive-all').disabled = summary.waiting === 0;
}

async function redrive(reason) {
  const summary = state.deadLetters;
  if (!summary) {
    return;
  }
  const dryRun = $('dlq-dry-run').checked;
  const counts = summary.counts.filter((count) => reason == null || count.reason === reason);
  const letters = reason == null ? summary.waiting : counts.reduce((sum, count) => sum + count.count, 0);
  const perTopic = new Map();
  counts.forEach((count) => {
    const topic = count.originalTopic ?? 'no original topic (skipped)';
    perTopic.set(topic, (perTopic.get(topic) ?? 0) + count.count);
  });
  const topics = [...perTopic].map(([topic, count]) => `${topic}: ${numbers.format(count)}`).join(', ');
  const what = reason == null ? `all ${deadLetters(letters)} waiting` : `the ${deadLetters(letters)} with reason ${reason}`;
  const text = dryRun
    ? `Count ${what} that a redrive would take (${topics}). Nothing is published and nothing is committed.`
    : `Publish ${what} back onto the topics they came from (${topics}), in order, and mark them redriven. `
      + 'Letters that still cannot be applied return to the dead-letter topic. This cannot be undone.';
  const confirmed = await confirmAction(dryRun ? 'Dry run of a redrive?' : 'Redrive dead letters?', text,
    dryRun ? 'Count them' : `Redrive ${reason ?? 'all'}`);
  const result = $('dead-letters-result');
  if (!confirmed) {
    result.textContent = 'Redrive cancelled; nothing changed.';
    return;
  }
  const body = { dryRun };
  if (reason != null) {
    body.reason = reason;
  }
  try {
    const outcome = await api('admin/dead-letters/redrive', { method: 'POST', body });
    const perReason = Object.entries(outcome.redriven).map(([name, count]) => `${name}: ${numbers.format(count)}`).join(', ');
    await loadDeadLetters();
    result.textContent = `${outcome.dryRun ? 'A redrive would take' : 'Redrove'} ${deadLetters(outcome.total)}`
      + `${perReason ? ` (${perReason})` : ''}.`;
  } catch (error) {
    result.textContent = `Redrive: ${explain(error)}`;
  }
}

function deadLetters(count) {
  return `${numbers.format(count)} dead letter${count === 1 ? '' : 's'}`;
}

// ---- confirmation dialog ----------------------------------------------------------------------------------------------

function confirmAction(title, text, confirmLabel) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
  });
}

// ---- start -----------------------------------------------------------------------------------------------------------

function start() {
  $('confirm-ok').addEventListener('click', () => $('confirm').close('confirm'));
  $('confirm-cancel').addEventListener('click', () => $('confirm').close('cancel'));
  $('sign-out').addEventListener('click', () => signOut('Signed out.'));
  $('dlq-redrive-all').addEventListener('click', () => redrive(null));
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = form.elements.credential.value.trim();
    if (!value) {
      showSignIn('Type an API key or a bearer token.');
      return;
    }
    signIn({ kind: form.elements.kind.value, value });
  });
  let stored = null;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    stored = null;
  }
  if (stored && typeof stored.value === 'string' && (stored.kind === 'key' || stored.kind === 'bearer')) {
    signIn(stored);
  } else {
    showSignIn('');
  }
}

start();
