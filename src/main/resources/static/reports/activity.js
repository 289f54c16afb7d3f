/*
 * Parcours — activity report page (plain JavaScript, no build, no CDN). Reads
 * GET /api/reports/activity?from=&to= (JSON, exact figures for supervisors) with the browser's login
 * (HTTP Basic, or a Camunda webapp session), and draws the interventions per month as SVG bars.
 * Every text from the server is inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var SECTIONS = [
    ['people', 'Personnes'],
    ['sessions', 'Séances collectives'],
    ['sessionParticipants', 'Participants aux séances collectives'],
    ['interventions', 'Interventions'],
    ['interventionsByType', 'Interventions par type'],
    ['interventionsByProcedure', 'Interventions par procédure'],
    ['interventionsByCaseworker', 'Interventions par intervenant·e (interne, jamais exporté pour les financeurs)'],
    ['outcomes', 'Résultats'],
    ['proceduresEnded', 'Procédures terminées'],
    ['medianDurationDays', 'Durée médiane des procédures (jours, de l\'ouverture à la première décision)']
  ];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function fmt(value) {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number') return value.toLocaleString('fr-BE');
    return String(value);
  }

  function change(value) {
    if (value === null || value === undefined) return '—';
    return (value > 0 ? '+' : '') + value.toLocaleString('fr-BE', { minimumFractionDigits: 1 }) + ' %';
  }

  function frDate(iso) { return iso.split('-').reverse().join('/'); }

  function table(title, figures, report) {
    var head = el('tr', {}, [el('th', {}, ['Indicateur']),
      el('th', {}, [frDate(report.period.from) + ' – ' + frDate(report.period.to)]),
      el('th', {}, [frDate(report.previousPeriod.from) + ' – ' + frDate(report.previousPeriod.to)]),
      el('th', {}, ['Évolution'])]);
    var rows = Object.keys(figures).map(function (key) {
      var f = figures[key];
      var cls = f.changePercent > 0 ? 'up' : (f.changePercent < 0 ? 'down' : '');
      return el('tr', { 'data-figure': key }, [el('td', {}, [f.label]), el('td', {}, [fmt(f.current)]),
        el('td', {}, [fmt(f.previous)]), el('td', { 'class': cls }, [change(f.changePercent)])]);
    });
    return el('section', {}, [el('h2', {}, [title]),
      el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)])]);
  }

  function chart(months) {
    var width = Math.max(480, months.length * 46 + 60), height = 240, left = 40, bottom = 40, top = 16;
    var max = 1;
    months.forEach(function (m) {
      max = Math.max(max, m.interventions || 0, m.previousInterventions || 0);
    });
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img',
      'aria-label': 'Interventions par mois, période et période précédente' });
    var plotH = height - bottom - top, slot = (width - left - 10) / months.length, bar = Math.min(18, slot / 2 - 2);
    [0, 0.5, 1].forEach(function (t) {
      var y = top + plotH * (1 - t);
      root.appendChild(svg('line', { x1: left, x2: width - 10, y1: y, y2: y, stroke: '#ddd' }));
      root.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, Math.round(max * t)));
    });
    months.forEach(function (m, i) {
      var x = left + i * slot + slot / 2;
      var cur = m.interventions || 0, prev = m.previousInterventions || 0;
      var hp = plotH * prev / max, hc = plotH * cur / max;
      var p = svg('rect', { 'class': 'bar-previous', x: x - bar - 1, y: top + plotH - hp, width: bar, height: hp });
      p.appendChild(svg('title', {}, (m.previousMonth || '') + ' : ' + prev));
      var c = svg('rect', { 'class': 'bar-current', x: x + 1, y: top + plotH - hc, width: bar, height: hc });
      c.appendChild(svg('title', {}, m.month + ' : ' + cur));
      root.appendChild(p);
      root.appendChild(c);
      root.appendChild(svg('text', { x: x, y: height - bottom + 16, 'text-anchor': 'middle' },
        m.month.substring(5) + '/' + m.month.substring(2, 4)));
    });
    var legend = el('p', { 'class': 'legend' }, [
      el('span', { 'class': 'swatch-current' }), 'période',
      el('span', { 'class': 'swatch-previous' }), 'période précédente (même rang de mois)']);
    return [root, legend];
  }

  function render(report) {
    var chartNode = document.getElementById('chart');
    chartNode.replaceChildren.apply(chartNode, chart(report.months));
    var tables = document.getElementById('tables');
    tables.replaceChildren();
    SECTIONS.forEach(function (s) {
      if (report.figures[s[0]]) tables.appendChild(table(s[1], report.figures[s[0]], report));
    });
    document.getElementById('report').hidden = false;
  }

  // absolute, from the origin: a page URL carrying credentials (user:password@host) must not leak them into fetch
  var API = window.location.origin + '/api/reports/activity';

  function exportLinks(from, to) {
    var q = 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) + '&audience=funder';
    document.getElementById('export-csv').href = API + '?' + q + '&format=csv';
    document.getElementById('export-xlsx').href = API + '?' + q + '&format=xlsx';
  }

  function load(from, to) {
    var status = document.getElementById('status');
    status.className = '';
    status.textContent = 'Chargement…';
    exportLinks(from, to);
    fetch(API + '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to),
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 403) throw new Error('Accès réservé aux superviseurs.');
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.message || ('Erreur ' + r.status));
          return body;
        });
      })
      .then(function (report) { status.textContent = ''; render(report); })
      .catch(function (e) { status.className = 'error'; status.textContent = e.message; });
  }

  var form = document.getElementById('period');
  var lastYear = new Date().getFullYear() - 1;
  var params = new URLSearchParams(window.location.search);
  form.from.value = params.get('from') || (lastYear + '-01-01');
  form.to.value = params.get('to') || (lastYear + '-12-31');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?from=' + form.from.value + '&to=' + form.to.value);
    load(form.from.value, form.to.value);
  });
  load(form.from.value, form.to.value);
}());
