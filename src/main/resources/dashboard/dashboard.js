// The supervisors' dashboard: reads /api/stats/* and draws every section with its table.
(function () {
  'use strict';

  const body = document.body;
  const teamsMode = body.dataset.auth === 'teams';
  const charts = {};
  const number = new Intl.NumberFormat('it-IT');
  const percent = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat('it-IT', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const COLORS = { found: '#1b5e9e', menu: '#f0a202', none: '#c0392b', up: '#2e7d32', down: '#c0392b', p90: '#7b1fa2' };
  let token = null;
  let today = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function fill(section, rows, columns, empty) {
    const tbody = (typeof section === 'string' ? $(section) : section).querySelector('tbody');
    tbody.replaceChildren();
    if (rows.length === 0) {
      const tr = el('tr');
      const td = el('td', empty, 'empty');
      td.colSpan = columns.length;
      tr.append(td);
      tbody.append(tr);
      return;
    }
    for (const row of rows) {
      const tr = el('tr');
      columns.forEach((c) => {
        const value = c(row);
        const td = el('td');
        if (value instanceof Node) td.append(value); else td.textContent = value;
        if (typeof value === 'number') td.className = 'num';
        tr.append(td);
      });
      tbody.append(tr);
    }
  }

  function isoDay(s) { return new Date(s + 'T00:00:00Z'); }
  function shortDay(s) { return dayFormat.format(isoDay(s)); }

  function minutes(m) {
    if (m === null || m === undefined) return '–';
    if (m < 60) return number.format(Math.round(m * 10) / 10) + ' min';
    const h = Math.floor(m / 60);
    const rest = Math.round(m - h * 60);
    return h + ' h' + (rest ? ' ' + rest + ' min' : '');
  }

  function chart(id, config, bars) {
    if (charts[id]) charts[id].destroy();
    if (bars !== undefined) $(id).parentElement.style.height = Math.max(140, 60 + 34 * bars) + 'px';
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } } }, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function script(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('cannot load ' + src));
      document.head.append(s);
    });
  }

  // Inside Teams (an iframe, or the mobile apps' web view) the Teams library gives the SSO token;
  // anywhere else it is not loaded at all, and the server asks to open the tab in Teams.
  async function signIn() {
    if (!teamsMode) return null;
    const hosted = window.parent !== window || !!window.nativeInterface;
    if (!hosted) return null;
    await script('/dashboard/assets/teams.min.js');
    await microsoftTeams.app.initialize();
    return microsoftTeams.authentication.getAuthToken();
  }

  class Refused extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function get(section, query) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    const r = await fetch('/api/stats/' + section + query, { headers, credentials: 'same-origin' });
    const json = await r.json();
    if (!r.ok) throw new Refused(r.status, json.error || 'Errore ' + r.status);
    return json;
  }

  function refuse(message) {
    $('dashboard').hidden = true;
    document.querySelector('header.top').hidden = true;
    $('problem').hidden = true;
    $('refusal-message').textContent = message;
    $('refusal').hidden = false;
    body.dataset.ready = 'refused';
  }

  function problem(message) {
    $('problem').textContent = message;
    $('problem').hidden = false;
    body.dataset.ready = 'problem';
  }

  function overview(o) {
    $('period').textContent = 'Dal ' + longDay.format(isoDay(o.from)) + ' al ' + longDay.format(isoDay(o.to))
      + (o.clamped ? ' (i dati più vecchi sono già stati cancellati per la conservazione)' : '');
    $('from').value = o.from;
    $('to').value = o.to;
    $('kpi-searches').textContent = number.format(o.searches);
    $('kpi-without-menu').textContent = o.searches ? percent.format(o.withoutMenu / o.searches) : '–';
    $('kpi-no-topic').textContent = number.format(o.noTopic);
  }

  function short(label) {
    return label.length > 42 ? label.slice(0, 41) + '…' : label;
  }

  function outcomes(o) {
    const parts = [['Trovato subito', o.withoutMenu, COLORS.found], ['Con menu', o.menu, COLORS.menu],
      ['Nessun argomento', o.noTopic, COLORS.none]];
    chart('chart-outcomes', {
      type: 'doughnut',
      data: { labels: parts.map((p) => p[0]),
        datasets: [{ data: parts.map((p) => p[1]), backgroundColor: parts.map((p) => p[2]) }] },
      options: { plugins: { legend: { position: 'right' } } },
    });
    fill('outcomes', o.searches ? parts : [], [(p) => p[0], (p) => p[1], (p) => percent.format(p[1] / o.searches)],
      'Nessuna richiesta nel periodo.');
  }

  function days(rows) {
    chart('chart-days', {
      type: 'bar',
      data: {
        labels: rows.map((r) => shortDay(r.day)),
        datasets: [
          { label: 'Trovato subito', data: rows.map((r) => r.withoutMenu), backgroundColor: COLORS.found },
          { label: 'Con menu', data: rows.map((r) => r.menu), backgroundColor: COLORS.menu },
          { label: 'Nessun argomento', data: rows.map((r) => r.noTopic), backgroundColor: COLORS.none },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
    fill('days', rows, [(r) => shortDay(r.day), (r) => r.searches, (r) => r.withoutMenu, (r) => r.menu, (r) => r.noTopic],
      'Nessun giorno nel periodo.');
  }

  function hours(rows) {
    chart('chart-hours', {
      type: 'bar',
      data: { labels: rows.map((r) => String(r.hour).padStart(2, '0')),
        datasets: [{ label: 'Richieste', data: rows.map((r) => r.count), backgroundColor: COLORS.found }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    fill('hours', rows.filter((r) => r.count > 0), [(r) => String(r.hour).padStart(2, '0') + ':00', (r) => r.count],
      'Nessuna richiesta nel periodo.');
  }

  function topics(rows) {
    chart('chart-topics', {
      type: 'bar',
      data: { labels: rows.map((r) => short(r.title)),
        datasets: [{ label: 'Volte', data: rows.map((r) => r.count), backgroundColor: COLORS.found }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, rows.length);
    fill('topics', rows, [(r) => r.title, (r) => r.count], 'Nessun argomento nel periodo.');
  }

  function unmatched(rows) {
    fill('unmatched', rows, [(r) => r.text, (r) => r.count, (r) => r.noTopic, (r) => r.menu],
      'Nessuna frase senza argomento nel periodo.');
  }

  function escalations(e) {
    const section = $('escalations');
    if (!e.available) {
      section.querySelector('.counts').replaceChildren(el('span', 'Escalation solo a mano: nessuna coda di invio configurata.'));
    }
    $('esc-created') && ($('esc-created').textContent = number.format(e.created));
    $('esc-open') && ($('esc-open').textContent = number.format(e.open));
    $('esc-taken') && ($('esc-taken').textContent = number.format(e.taken));
    $('esc-uncertain') && ($('esc-uncertain').textContent = number.format(e.uncertain));
    $('kpi-open').textContent = number.format(e.open);
    $('kpi-median').textContent = minutes(e.medianMinutes);
    chart('chart-takeover', {
      type: 'line',
      data: {
        labels: e.takeOver.map((d) => shortDay(d.day)),
        datasets: [
          { label: 'Mediana (minuti)', data: e.takeOver.map((d) => d.medianMinutes), borderColor: COLORS.found,
            backgroundColor: COLORS.found, spanGaps: true },
          { label: '90° percentile (minuti)', data: e.takeOver.map((d) => d.p90Minutes), borderColor: COLORS.p90,
            backgroundColor: COLORS.p90, borderDash: [6, 4], spanGaps: true },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'minuti' } } } },
    });
    fill('takeover-table', e.takeOver.filter((d) => d.taken > 0),
      [(d) => shortDay(d.day), (d) => d.taken, (d) => d.medianMinutes, (d) => d.p90Minutes],
      'Nessuna escalation presa in carico nel periodo.');
    fill('waiting-table', e.waiting, [(w) => w.agent, (w) => w.topic || '–', (w) => w.state, (w) => minutes(w.minutes)],
      'Nessuno in attesa del TL.');
  }

  function feedback(rows) {
    chart('chart-feedback', {
      type: 'bar',
      data: { labels: rows.map((r) => short(r.title)),
        datasets: [
          { label: 'Non utile', data: rows.map((r) => r.down), backgroundColor: COLORS.down },
          { label: 'Utile', data: rows.map((r) => r.up), backgroundColor: COLORS.up },
        ] },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
    }, rows.length);
    fill('feedback', rows, [(r) => r.title, (r) => r.up, (r) => r.down, (r) => {
      if (r.reasons.length === 0) return '–';
      const ul = el('ul', null, 'reasons');
      r.reasons.forEach((t) => ul.append(el('li', t)));
      return ul;
    }], 'Nessun giudizio nel periodo.');
  }

  function reviews(r) {
    fill('reviews', r.overdue, [(o) => o.title, (o) => o.owner || '–', (o) => longDay.format(isoDay(o.due))],
      r.available ? 'Nessun argomento oltre la data di revisione.' : 'Le date di revisione degli argomenti non sono ancora disponibili.');
  }

  function suggestions(s) {
    fill('suggestions', s.pending, [(p) => p.title, (p) => p.text, (p) => p.evidence],
      s.available ? 'Nessun suggerimento da accettare.' : 'I suggerimenti non sono ancora disponibili.');
  }

  async function load(from, to) {
    body.dataset.ready = 'loading';
    $('problem').hidden = true;
    const query = from && to ? '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) : '';
    const names = ['overview', 'days', 'hours', 'topics', 'unmatched', 'escalations', 'feedback', 'reviews', 'suggestions'];
    try {
      const [o, d, h, t, u, e, f, r, s] = await Promise.all(names.map((n) => get(n, query)));
      if (today === null) today = o.to;
      $('dashboard').hidden = false;
      overview(o); outcomes(o); days(d); hours(h); topics(t); unmatched(u); escalations(e); feedback(f); reviews(r); suggestions(s);
      body.dataset.ready = 'true';
    } catch (err) {
      if (err instanceof Refused && (err.status === 401 || err.status === 403)) refuse(err.message);
      else problem(err instanceof Refused ? err.message : 'Non riesco a leggere le statistiche: riprova tra poco.');
    }
  }

  function minus(iso, n) {
    const d = isoDay(iso);
    d.setUTCDate(d.getUTCDate() - n);
    return d.toISOString().slice(0, 10);
  }

  document.querySelectorAll('button.preset').forEach((b) => b.addEventListener('click', () => {
    const days = Number(b.dataset.days);
    load(minus(today, days - 1), today);
  }));
  $('range').addEventListener('submit', (ev) => {
    ev.preventDefault();
    load($('from').value, $('to').value);
  });

  (async () => {
    try {
      token = await signIn();
    } catch (err) {
      refuse('Non riesco ad accedere con il tuo account Teams: chiudi e riapri la scheda.');
      return;
    }
    load(null, null);
  })();
})();
