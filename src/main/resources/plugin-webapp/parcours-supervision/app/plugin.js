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
const DEADLINES = {
  DECISION: "Décision de l'autorité",
  VISA_C_DECISION: 'Décision sur le visa C',
  APPEAL_CCE: 'Recours au CCE',
  APPEAL: 'Recours',
  FAVOUR_REVIEW: 'Demande de révision',
  VISA_D_COLLECTION: 'Retrait du visa D',
  VISA_DECISION: 'Décision sur le visa',
  NATIONALITY_COMPLETENESS_CHECK: "Examen par l'officier de l'état civil",
  NATIONALITY_COMPLETION: 'Compléter la déclaration',
  NATIONALITY_OPINION: 'Avis du Procureur du Roi',
  NATIONALITY_FAMILY_COURT_REFERRAL: 'Renvoi au tribunal de la famille',
};
/** Deadlines that an authority must meet: missed, the file waits for an authority past its legal period. */
const AUTHORITY_DEADLINES = ['DECISION', 'VISA_C_DECISION', 'VISA_DECISION', 'NATIONALITY_COMPLETENESS_CHECK',
  'NATIONALITY_OPINION'];
const deadlineLabel = (code) => DEADLINES[code] || code || '—';
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
    const dossierLink = el('a', { href: `/dossiers/${encodeURIComponent(d.dossierId)}`, class: 'parcours-dossier-link',
      title: 'Ouvrir la page du dossier' }, d.reference);
    const instanceLink = d.processInstanceId
      ? el('a', { href: `#/process-instance/${encodeURIComponent(d.processInstanceId)}/runtime`,
        class: 'parcours-instance-link', title: 'Ouvrir l\'instance de processus dans Cockpit' }, 'instance')
      : null;
    const left = next.daysLeft;
    const authorityLate = next.status === 'MISSED' && AUTHORITY_DEADLINES.includes(next.code);
    return el('tr', {
      class: `parcours-row parcours-${urgency(left)}`,
      'data-reference': d.reference,
      'data-days-left': left,
      'data-deadline-status': next.status,
    },
    el('td', {}, dossierLink, instanceLink ? ' · ' : null, instanceLink),
    el('td', {}, procedureLabel(d.procedure)),
    el('td', {}, d.step || '—'),
    el('td', {}, d.assigneeName || d.assignee || 'non assigné'),
    el('td', {}, d.inStepSinceDays === null || d.inStepSinceDays === undefined ? '—' : `${d.inStepSinceDays} j`),
    el('td', {}, deadlineLabel(next.code),
      authorityLate ? el('span', { class: 'parcours-chip parcours-authority-late' }, 'autorité hors délai') : null),
    el('td', {}, frDate(next.dueOn)),
    el('td', { class: 'parcours-days' }, left < 0 ? `dépassée de ${-left} j` : `${left} j`));
  });
  return el('table', { class: 'cam-table parcours-at-risk' }, head, el('tbody', {}, rows));
}

function stepChart(steps) {
  if (!steps.length) {
    return el('p', { class: 'parcours-empty' }, 'Pas encore d\'étape terminée sur les 12 derniers mois.');
  }
  // one group per procedure, its steps below it, the longest first; the step's name above its bar,
  // the figures to the right of the bar, never over it
  const width = 900;
  const barX = 10;
  const valueWidth = 230;
  const max = Math.max(1, ...steps.map((s) => s.p90Days));
  const scale = (width - barX - valueWidth) / max;
  const byProcedure = {};
  steps.forEach((s) => { (byProcedure[s.procedure] = byProcedure[s.procedure] || []).push(s); });
  const chart = svg('svg', {
    class: 'parcours-step-chart', width, role: 'img',
    'aria-label': 'Temps passé par étape : médiane et 90e centile, en jours',
  });
  let y = 0;
  Object.keys(byProcedure).sort((a, b) => procedureLabel(a).localeCompare(procedureLabel(b), 'fr')).forEach((code) => {
    y += 22;
    chart.appendChild(svg('text', { x: 0, y, class: 'parcours-chart-procedure' }, procedureLabel(code)));
    byProcedure[code].sort((a, b) => b.p90Days - a.p90Days).forEach((s) => {
      y += 18;
      chart.appendChild(svg('text', { x: barX, y, class: 'parcours-chart-label', 'data-step': s.step }, s.step));
      y += 5;
      const p90 = Math.max(2, s.p90Days * scale);
      chart.appendChild(svg('rect', { x: barX, y, width: p90, height: 14, class: 'parcours-bar-p90' }));
      chart.appendChild(svg('rect', { x: barX, y: y + 3, width: Math.max(2, s.medianDays * scale), height: 8,
        class: 'parcours-bar-median' }));
      chart.appendChild(svg('text', { x: barX + p90 + 8, y: y + 11, class: 'parcours-chart-value' },
        `médiane ${s.medianDays} j · 90 % ${s.p90Days} j · ${s.completed} terminée(s)`));
      y += 16;
    });
  });
  y += 24;
  chart.appendChild(svg('rect', { x: barX, y: y - 10, width: 12, height: 10, class: 'parcours-bar-median' }));
  chart.appendChild(svg('text', { x: barX + 16, y, class: 'parcours-chart-value' }, 'médiane'));
  chart.appendChild(svg('rect', { x: barX + 90, y: y - 10, width: 12, height: 10, class: 'parcours-bar-p90' }));
  chart.appendChild(svg('text', { x: barX + 106, y, class: 'parcours-chart-value' },
    '90 % des étapes terminées en moins de'));
  chart.setAttribute('height', y + 8);
  return chart;
}

function workloadTable(workload) {
  if (!workload.length) return el('p', { class: 'parcours-empty' }, 'Aucune tâche ouverte.');
  const max = Math.max(1, ...workload.map((w) => w.openTasks));
  return el('table', { class: 'cam-table parcours-workload' },
    el('thead', {}, el('tr', {}, ['Personne', 'Tâches ouvertes', 'Dont en retard', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, workload.map((w) => el('tr', { 'data-assignee': w.assignee || '' },
      el('td', {}, w.assignee ? (w.assigneeName || w.assignee) : '(non assignées)'),
      el('td', {}, w.openTasks),
      el('td', { class: w.overdueTasks > 0 ? 'parcours-overdue-count' : '' }, w.overdueTasks),
      el('td', {}, el('span', { class: 'parcours-load', style: `width:${Math.round((w.openTasks / max) * 200)}px` }))))));
}

const nf = (v) => (v === null || v === undefined ? '—' : String(v).replace('.', ','));

async function authorityDelays() {
  const box = el('div', { class: 'parcours-authority-delays' }, el('p', { class: 'parcours-loading' }, 'Chargement…'));
  fetch('/api/supervision/authority-delays', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((lines) => {
      if (!lines.length) {
        box.replaceChildren(el('p', { class: 'parcours-empty' }, 'Aucune décision d\'autorité enregistrée pour l\'instant.'));
        return;
      }
      box.replaceChildren(el('table', { class: 'cam-table parcours-authority-table' },
        el('thead', {}, el('tr', {}, ['Procédure', 'Autorité', 'Année d\'introduction', 'Dossiers', 'Répondus',
          'Médiane', '90 % en moins de', 'Délai légal', 'En retard'].map((h) => el('th', {}, h)))),
        el('tbody', {}, lines.map((l) => el('tr', { 'data-authority': l.authority, 'data-year': l.year },
          el('td', {}, procedureLabel(l.procedure)),
          el('td', {}, l.authority),
          el('td', {}, l.year),
          el('td', {}, l.files),
          el('td', {}, l.answered),
          el('td', {}, l.medianDays === null ? '—' : `${nf(l.medianDays)} j`),
          el('td', {}, l.p90Days === null ? '—' : `${nf(l.p90Days)} j`),
          el('td', {}, l.legalMedianDays === null ? '—' : `${nf(l.legalMedianDays)} j`),
          el('td', { class: l.late > 0 ? 'parcours-overdue-count' : '' }, `${l.late} (${nf(l.latePercent)} %)`))))),
      el('p', { class: 'parcours-export' }, 'Exporter : ',
        el('a', { href: '/api/supervision/authority-delays?format=csv' }, 'CSV'), ' · ',
        el('a', { href: '/api/supervision/authority-delays?format=xlsx' }, 'Excel')));
    })
    .catch(() => box.replaceChildren(el('p', { class: 'parcours-error' }, 'Délais des autorités indisponibles.')));
  return box;
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
    el('h4', {}, `Dossiers à risque : échéances dépassées (les plus anciennes d'abord) et à venir dans les ${data.atRiskDays} jours`),
    el('p', { class: 'parcours-legend' },
      el('span', { class: 'parcours-chip parcours-overdue' }, 'échéance dépassée'), ' ',
      el('span', { class: 'parcours-chip parcours-soon' }, '14 jours ou moins'), ' ',
      el('span', { class: 'parcours-chip parcours-authority-late' }, 'autorité hors délai'),
      ' : l\'autorité n\'a pas répondu dans son délai légal'),
    atRiskTable(data),
    el('h4', {}, 'Délais réels des autorités, par année d\'introduction (de l\'introduction à la réponse)'),
    await authorityDelays(),
    el('h4', {}, 'Temps passé par étape (12 derniers mois, en jours)'),
    stepChart(data.stepDurations),
    el('h4', {}, 'Charge de travail par personne'),
    workloadTable(data.workload),
    el('p', { class: 'parcours-report-link' },
      el('a', { href: '/reports/activity.html', target: '_blank', rel: 'noopener' },
        "Rapport d'activité : chiffres de l'année pour les financeurs (JSON, CSV, Excel)")));
}

const PATH = '/suivi-des-delais';

function view(node, api) {
  const root = el('section', { class: 'parcours-supervision', id: 'parcours-supervision' },
    el('h3', {}, 'Suivi des délais des procédures'),
    el('div', { class: 'parcours-content' }));
  node.appendChild(root);
  load(root.querySelector('.parcours-content'), api);
}

export default [
  {
    // an entry of Cockpit's top navigation, beside "Processus", "Décisions"…
    id: 'parcours-supervision-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render(node) {
      node.appendChild(el('a', { href: `#${PATH}`, class: 'parcours-nav', title: 'Suivi des délais des procédures' },
        'Suivi des délais'));
    },
    properties: { path: PATH, label: 'Suivi des délais' },
  },
  {
    // the view itself, a Cockpit page of its own
    id: 'parcours-supervision-route',
    pluginPoint: 'cockpit.route',
    priority: 100,
    render(node, { api } = {}) {
      view(node, api);
    },
    properties: { path: PATH, label: 'Suivi des délais' },
  },
  {
    // on the dashboard, a pointer to the view (Cockpit lists dashboard plugins after its own panels)
    id: 'parcours-supervision-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render(node) {
      node.appendChild(el('section', { class: 'parcours-supervision-pointer' },
        el('h3', {}, 'Suivi des délais'),
        el('p', {}, 'Échéances légales dépassées ou proches, délais des autorités, temps par étape et charge de travail : ',
          el('a', { href: `#${PATH}` }, 'ouvrir le suivi des délais'), '.')));
    },
    properties: { label: 'Suivi des délais' },
  },
];
