/*
 * Parcours — Cockpit dashboard plugin "Suivi des délais" (plain ES module, no build step).
 * Reads the plugin's own resource (cockpit API …/plugin/parcours-supervision/{engine}/dashboard,
 * same data as GET /api/supervision/dashboard) with the Cockpit session: no second login. The
 * server answers 403 to anyone outside "superviseurs" / "camunda-admin", and the plugin then only
 * says that access is reserved. Every text from the server is inserted as text, never as HTML.
 */
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  });
  children.flat().forEach((c) => {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

const PROCEDURES = { 'family-reunification': 'Regroupement familial', visa: 'Visa', nationality: 'Nationalité' };
const procedureLabel = (code) => PROCEDURES[code] || code || '—';
const frDate = (iso) => (iso ? iso.split('-').reverse().join('/') : '—');

function dashboardUrl(api) {
  const base = document.querySelector('base');
  const cockpitApi = (api && api.cockpitApi) || ((base && base.getAttribute('cockpit-api')) || '/camunda/api/cockpit/')
    .replace(/\/$/, '');
  const engine = (api && api.engine) || 'default';
  return `${cockpitApi}/plugin/parcours-supervision/${encodeURIComponent(engine)}/dashboard`;
}

function urgency(daysLeft) {
  if (daysLeft === null || daysLeft === undefined) return 'none';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 14) return 'soon';
  return 'later';
}

function atRiskTable(data) {
  if (!data.atRisk.length) {
    return el('p', { class: 'parcours-empty' }, `Aucun dossier n'a d'échéance dans les ${data.atRiskDays} jours.`);
  }
  const head = el('thead', {}, el('tr', {},
    ['Dossier', 'Procédure', 'Étape en cours', 'Assigné à', 'Dans l\'étape depuis', 'Échéance', 'Date', 'Jours restants']
      .map((h) => el('th', {}, h))));
  const rows = data.atRisk.map((d) => {
    const next = d.nextDeadline || {};
    const link = d.processInstanceId
      ? el('a', { href: `#/process-instance/${encodeURIComponent(d.processInstanceId)}/runtime`,
        title: 'Ouvrir l\'instance de processus dans Cockpit' }, d.reference)
      : el('span', {}, d.reference);
    const left = next.daysLeft;
    return el('tr', {
      class: `parcours-row parcours-${urgency(left)}`,
      'data-reference': d.reference,
      'data-days-left': left,
    },
    el('td', {}, link),
    el('td', {}, procedureLabel(d.procedure)),
    el('td', {}, d.step || '—'),
    el('td', {}, d.assignee || 'non assigné'),
    el('td', {}, d.inStepSinceDays === null || d.inStepSinceDays === undefined ? '—' : `${d.inStepSinceDays} j`),
    el('td', {}, next.code || '—'),
    el('td', {}, frDate(next.dueOn)),
    el('td', { class: 'parcours-days' }, left < 0 ? `dépassée de ${-left} j` : `${left} j`));
  });
  return el('table', { class: 'cam-table parcours-at-risk' }, head, el('tbody', {}, rows));
}

function stepChart(steps) {
  if (!steps.length) {
    return el('p', { class: 'parcours-empty' }, 'Pas encore d\'étape terminée sur les 12 derniers mois.');
  }
  const width = 760;
  const labelWidth = 320;
  const rowHeight = 26;
  const max = Math.max(1, ...steps.map((s) => s.p90Days));
  const scale = (width - labelWidth - 90) / max;
  const chart = svg('svg', {
    class: 'parcours-step-chart', width, height: steps.length * rowHeight + 30, role: 'img',
    'aria-label': 'Temps passé par étape : médiane et 90e centile, en jours',
  });
  steps.forEach((s, i) => {
    const y = i * rowHeight + 4;
    chart.appendChild(svg('text', { x: 0, y: y + 15, class: 'parcours-chart-label' },
      `${procedureLabel(s.procedure)} — ${s.step}`));
    chart.appendChild(svg('rect', { x: labelWidth, y, width: Math.max(1, s.p90Days * scale), height: 18,
      class: 'parcours-bar-p90' }));
    chart.appendChild(svg('rect', { x: labelWidth, y: y + 4, width: Math.max(1, s.medianDays * scale), height: 10,
      class: 'parcours-bar-median' }));
    chart.appendChild(svg('text', { x: labelWidth + s.p90Days * scale + 6, y: y + 14, class: 'parcours-chart-value' },
      `${s.medianDays} j / ${s.p90Days} j (${s.completed})`));
  });
  const legendY = steps.length * rowHeight + 22;
  chart.appendChild(svg('rect', { x: labelWidth, y: legendY - 10, width: 12, height: 10, class: 'parcours-bar-median' }));
  chart.appendChild(svg('text', { x: labelWidth + 16, y: legendY, class: 'parcours-chart-value' }, 'médiane'));
  chart.appendChild(svg('rect', { x: labelWidth + 90, y: legendY - 10, width: 12, height: 10, class: 'parcours-bar-p90' }));
  chart.appendChild(svg('text', { x: labelWidth + 106, y: legendY, class: 'parcours-chart-value' },
    '90 % des cas (nombre d\'étapes terminées)'));
  return chart;
}

function workloadTable(workload) {
  if (!workload.length) return el('p', { class: 'parcours-empty' }, 'Aucune tâche ouverte.');
  const max = Math.max(1, ...workload.map((w) => w.openTasks));
  return el('table', { class: 'cam-table parcours-workload' },
    el('thead', {}, el('tr', {}, ['Personne', 'Tâches ouvertes', 'Dont en retard', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, workload.map((w) => el('tr', { 'data-assignee': w.assignee || '' },
      el('td', {}, w.assignee || '(non assignées)'),
      el('td', {}, w.openTasks),
      el('td', { class: w.overdueTasks > 0 ? 'parcours-overdue-count' : '' }, w.overdueTasks),
      el('td', {}, el('span', { class: 'parcours-load', style: `width:${Math.round((w.openTasks / max) * 200)}px` }))))));
}

function deadlinesSummary(score) {
  return el('p', { class: 'parcours-score' },
    `Échéances légales de ${score.year} : `,
    el('strong', { class: 'parcours-met' }, `${score.met} respectée(s)`), ', ',
    el('strong', { class: 'parcours-missed' }, `${score.missed} manquée(s)`),
    score.byProcedure.length
      ? ` — ${score.byProcedure.map((p) => `${procedureLabel(p.procedure)} : ${p.met} / ${p.missed}`).join(' ; ')}`
      : '');
}

async function load(container, api) {
  container.replaceChildren(el('p', { class: 'parcours-loading' }, 'Chargement des délais…'));
  let response;
  try {
    const headers = { Accept: 'application/json' };
    if (api && api.CSRFToken) headers['X-XSRF-TOKEN'] = api.CSRFToken;
    response = await fetch(dashboardUrl(api), { credentials: 'same-origin', headers });
  } catch (e) {
    container.replaceChildren(el('p', { class: 'parcours-error' }, 'Le service de suivi des délais ne répond pas.'));
    return;
  }
  if (response.status === 401 || response.status === 403) {
    container.replaceChildren(el('p', { class: 'parcours-denied' },
      'Accès réservé aux superviseurs : le suivi des délais n\'est pas accessible avec votre compte.'));
    return;
  }
  if (!response.ok) {
    container.replaceChildren(el('p', { class: 'parcours-error' }, `Erreur ${response.status} en lisant les délais.`));
    return;
  }
  const data = await response.json();
  container.replaceChildren(
    deadlinesSummary(data.deadlines),
    el('h4', {}, `Dossiers à risque (échéance passée ou dans les ${data.atRiskDays} jours)`),
    el('p', { class: 'parcours-legend' },
      el('span', { class: 'parcours-chip parcours-overdue' }, 'échéance dépassée'), ' ',
      el('span', { class: 'parcours-chip parcours-soon' }, '14 jours ou moins')),
    atRiskTable(data),
    el('h4', {}, 'Temps passé par étape (12 derniers mois, en jours)'),
    stepChart(data.stepDurations),
    el('h4', {}, 'Charge de travail par personne'),
    workloadTable(data.workload),
    el('p', { class: 'parcours-report-link' },
      el('a', { href: '/reports/activity.html', target: '_blank', rel: 'noopener' },
        "Rapport d'activité : chiffres de l'année pour les financeurs (JSON, CSV, Excel)")));
}

export default {
  id: 'parcours-supervision-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 50,
  render(node, { api } = {}) {
    const root = el('section', { class: 'parcours-supervision', id: 'parcours-supervision' },
      el('h3', {}, 'Suivi des délais des procédures'),
      el('div', { class: 'parcours-content' }));
    node.appendChild(root);
    load(root.querySelector('.parcours-content'), api);
  },
  properties: {
    label: 'Suivi des délais',
  },
};
