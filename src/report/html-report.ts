import { readOptions } from "../guard.js";
import { MatchInputError } from "../errors.js";
import { auditResult, type Audit } from "../evaluate/index.js";
import { isParsedCohort, parseCohort, type Cohort, type CohortInput } from "../model/index.js";
import type { MatchResult } from "../match/types.js";
import { escapeHtml } from "./html-escape.js";
import { REPORT_SCRIPT, REPORT_STYLE } from "./html-report-assets.js";
import { criterionContributions, mentorLoad, pairsOf, scoreHistogram } from "./report-figures.js";
import { checkExportInput, toRows, toUnmatchedRows } from "./rows.js";
import { barChart, columnChart } from "./svg-charts.js";

/**
 * Options of {@link toHtmlReport}.
 * @remarks Since 0.2.0
 */
export interface HtmlReportOptions {
  /** Page title. Default: the programme's `name`, else "Mentoring programme report". */
  title?: string;
  /**
   * More fields to break coverage and scores down by, besides `department` (always shown when
   * given): any field `auditResult` accepts, e.g. `"location"`, `"level"`, `"organisation"`,
   * `"attributes.site"`. A `diversity.<key>` field is shown only when the programme opts in
   * (`program.explain.includeSensitive`), and never for groups under 5 people. Default none.
   */
  groupBy?: readonly string[];
  /**
   * Fairness audits to show (from `auditResult`), each as a table with its disparity ratios and
   * flags. An audit on a `diversity.<key>` field is left out unless the programme opts in.
   * Default none.
   */
  audit?: readonly Audit[];
  /** A line under the title, e.g. when and by whom the report was made. Default none. */
  subtitle?: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(digits));
const FORMAT_NAMES: Record<string, string> = { "one-on-one": "One-on-one", reverse: "Reverse mentoring", peer: "Peer", group: "Group", rotational: "Rotational", flash: "Flash / speed mentoring" };

function person(name: string | null, id: string | null): string {
  if (id === null) return `<span class="muted">—</span>`;
  return name ? `<span class="name">${escapeHtml(name)}</span><span class="id">${escapeHtml(id)}</span>` : `<span class="name">${escapeHtml(id)}</span>`;
}

function card(label: string, value: string, note = "", text = false): string {
  return `<div class="card"><div class="card-label">${escapeHtml(label)}</div><div class="card-value${text ? " text" : ""}">${value}</div>${note ? `<div class="card-note">${note}</div>` : ""}</div>`;
}

function section(id: string, title: string, body: string, lead = ""): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${lead ? `<p class="lead">${lead}</p>` : ""}${body}</section>`;
}

function meter(x: number): string {
  const w = Math.max(0, Math.min(1, x)) * 100;
  return `<span class="meter"><span style="width:${w.toFixed(1)}%"></span></span>`;
}

function optimality(result: MatchResult): { value: string; note: string } {
  const s = result.stats;
  const gap = "gap" in s && typeof s.gap === "number" ? s.gap : null;
  if (s.optimal) return { value: `<span class="ok">Proven optimal</span>`, note: `objective ${escapeHtml(s.objective)}` };
  if (gap !== null && Number.isFinite(gap)) return { value: `Gap ${escapeHtml(pct(gap))}`, note: `from the proven bound; objective ${escapeHtml(s.objective)}` };
  return { value: "Not proven optimal", note: `objective ${escapeHtml(s.objective)}` };
}

function summarySection(result: MatchResult, unmatched: number): string {
  const s = result.stats;
  const opt = optimality(result);
  const cards = [
    card("Coverage", escapeHtml(pct(s.coverage)), `${s.matchedMentees} of ${s.matchable} matchable ${result.format === "peer" ? "participants" : "mentees"}`),
    card("Mean score", escapeHtml(num(s.mean, 3)), `median ${escapeHtml(num(s.median, 3))} · lowest ${escapeHtml(num(s.min, 3))}`),
    card("Matches", String(s.matches), `${unmatched} participant${unmatched === 1 ? "" : "s"} unmatched`),
    card("Solver", escapeHtml(s.solver), `${escapeHtml(FORMAT_NAMES[result.format] ?? result.format)} programme`, true),
    card("Optimality", opt.value, opt.note, true),
  ];
  const notes: string[] = [];
  if (typeof s.blockingPairsNote === "string") notes.push(`<p class="note"><strong>Stability.</strong> ${escapeHtml(s.blockingPairsNote.charAt(0).toUpperCase() + s.blockingPairsNote.slice(1))}.</p>`);
  if (result.warnings.length > 0) notes.push(`<div class="warnings"><strong>Warnings</strong><ul>${result.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join("")}</ul></div>`);
  return `<section id="summary"><div class="cards">${cards.join("")}</div>${notes.join("")}</section>`;
}

function distributionSection(result: MatchResult): string {
  const scores = pairsOf(result).map((p) => p.score);
  const bins = scoreHistogram(scores);
  const chart = columnChart(
    bins.map((b) => ({ label: b.from.toFixed(1), value: b.count, title: `${b.count} pair${b.count === 1 ? "" : "s"} scored ${b.from.toFixed(1)}–${b.to.toFixed(1)}` })),
    { ariaLabel: "Histogram of pair scores in bins of 0.1", height: 230 },
  );
  const sorted = [...scores].sort((a, b) => a - b);
  const quantile = (q: number) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  const spread = `<table class="compact"><thead><tr><th class="num">Lowest</th><th class="num">Lower quartile</th><th class="num">Median</th><th class="num">Upper quartile</th><th class="num">Highest</th></tr></thead><tbody><tr>${[0, 0.25, 0.5, 0.75, 1].map((q) => `<td class="num">${escapeHtml(num(quantile(q)))}</td>`).join("")}</tr></tbody></table>`;
  const contributions = criterionContributions(result).filter((c) => c.weight > 0);
  const total = contributions.reduce((s, c) => s + c.points, 0);
  const bars = barChart(
    contributions.map((c) => ({ label: c.criterion, value: c.points, title: `${c.criterion}: weight ${c.weight}, mean score ${num(c.meanScore)} over ${c.pairs} pairs with data` })),
    { ariaLabel: "Mean points each criterion adds to a pair's score", format: (v) => (total > 0 ? `${(v / total * 100).toFixed(0)} %` : "0 %"), labelWidth: 110 },
  );
  const rows = contributions
    .map((c) => `<tr><td>${escapeHtml(c.criterion)}</td><td class="num">${escapeHtml(c.weight)}</td><td class="num">${escapeHtml(num(c.meanScore))}</td><td class="num">${c.pairs}</td><td class="num">${escapeHtml(num(c.points, 3))}</td></tr>`)
    .join("");
  const table = `<table class="compact"><thead><tr><th>Criterion</th><th class="num">Weight</th><th class="num">Mean score</th><th class="num">Pairs with data</th><th class="num">Points</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<div class="grid">${section("distribution", "Score distribution", chart + spread, `Scores of all ${scores.length} pairs${result.matches.some((m) => m.members?.length) ? " (group members count one each)" : ""}, in bins of 0.1.`)}${section("criteria", "What the scores are made of", bars + table, "Each criterion's share of the mean score: weight × criterion score over the weights used, averaged over the pairs.")}</div>`;
}

function loadSection(result: MatchResult, cohort: Cohort): string {
  const load = mentorLoad(result, cohort);
  if (load === null) return "";
  const timed = load.seats === null;
  const unit = timed ? "meeting" : "mentee";
  const chart = columnChart(
    load.histogram.map((n, k) => ({ label: String(k), value: n, title: `${n} mentor${n === 1 ? "" : "s"} with ${k} ${unit}${k === 1 ? "" : "s"}` })),
    { ariaLabel: `Mentors by number of ${unit}s`, height: 200 },
  );
  const facts = timed
    ? `${load.placed} meetings across ${load.mentors} mentors; ${load.idle} mentor${load.idle === 1 ? "" : "s"} with none.`
    : `${load.placed} of ${load.seats} seats used (${pct(load.seats ? load.placed / load.seats : 0)}); ${load.full} of ${load.mentors} mentors full, ${load.idle} with no mentee.`;
  return section("load", "Mentor load", chart, `Mentors by number of ${unit}s. ${escapeHtml(facts)}`);
}

function auditTable(audit: Audit, caption: string, showFlags: boolean): string {
  const flags = new Map(audit.disparity.ratios.map((r) => [r.group, r]));
  const rows = audit.groups
    .map((g) => {
      const r = flags.get(g.group);
      const flagged = showFlags && r && r.flagged.length > 0 ? `<span class="flag" title="under ${escapeHtml(audit.disparity.threshold)} of the best-served group">${escapeHtml(r.flagged.map((f) => (f === "matchRate" ? "coverage" : "score")).join(", "))} below ${escapeHtml(pct(audit.disparity.threshold))}</span>` : "";
      return `<tr><td>${escapeHtml(g.group)} ${flagged}</td><td class="num">${g.participants}</td><td class="num">${g.matched}</td><td class="num">${meter(g.matchRate)} ${escapeHtml(pct(g.matchRate))}</td><td class="num">${escapeHtml(num(g.meanScore))}</td><td class="num">${escapeHtml(num(g.minScore))}</td><td class="num">${g.firstChoiceRate === null ? "—" : escapeHtml(pct(g.firstChoiceRate))}</td></tr>`;
    })
    .join("");
  const side = audit.side === "mentors" ? "Mentors" : "Mentees";
  const suppressed = audit.suppressedGroups > 0 ? `<p class="note">${audit.suppressedGroups} group${audit.suppressedGroups === 1 ? "" : "s"} too small to show were merged or left out, so no figure describes fewer than 5 people.</p>` : "";
  return `<h3>${escapeHtml(caption)}</h3><table class="compact"><thead><tr><th>${escapeHtml(audit.groupBy)}</th><th class="num">${side}</th><th class="num">Matched</th><th class="num">Coverage</th><th class="num">Mean score</th><th class="num">Lowest</th><th class="num">First choice</th></tr></thead><tbody>${rows}</tbody></table>${suppressed}`;
}

function groupsSection(result: MatchResult, cohort: Cohort, options: HtmlReportOptions): string {
  const parts: string[] = [];
  const optedIn = cohort.program.explain.includeSensitive;
  const fields = ["department", ...(options.groupBy ?? []).filter((f) => f !== "department")];
  for (const field of fields) {
    const sensitive = field.startsWith("diversity.");
    if (sensitive && !optedIn) {
      parts.push(`<p class="note">Breakdown by ${escapeHtml(field)} not shown: diversity data appears only when the programme opts in (explain.includeSensitive).</p>`);
      continue;
    }
    const audit = auditResult(result, cohort, { groupBy: field, minGroupSize: sensitive ? 5 : 1 });
    if (field === "department" && audit.groups.every((g) => g.group === "(not given)")) continue;
    parts.push(auditTable(audit, `By ${field}`, false));
  }
  if (parts.length === 0) return "";
  return section("groups", "Coverage and scores by group", parts.join(""), "Coverage here is the share of each group that got a match; first choice is the share of those matched who got the partner they ranked first (or their highest-scoring eligible one).");
}

function auditSection(audits: readonly Audit[], cohort: Cohort): string {
  // Optional fairness audits (auditResult), shown as given; diversity audits only with the opt-in.
  if (audits.length === 0) return "";
  const optedIn = cohort.program.explain.includeSensitive;
  const parts = audits.map((a) =>
    a.groupBy.startsWith("diversity.") && !optedIn
      ? `<p class="note">Audit by ${escapeHtml(a.groupBy)} not shown: the programme has not opted in to showing diversity data.</p>`
      : auditTable(a, `Audit by ${a.groupBy} (${a.side})`, true) +
        (a.disparity.ratios.some((r) => r.flagged.length > 0)
          ? `<p class="note">Flagged groups fall under ${escapeHtml(pct(a.disparity.threshold))} of the best-served group (four-fifths rule).</p>`
          : ""),
  );
  return section("audit", "Fairness audit", parts.join(""));
}

function unmatchedSection(result: MatchResult, cohort: Cohort): string {
  const rows = toUnmatchedRows(result, cohort);
  if (rows.length === 0) return section("unmatched", "Unmatched participants", `<p class="note">Everyone was matched.</p>`);
  const body = rows
    .map((u) => `<tr><td>${person(u.name, u.id)}</td><td>${escapeHtml(u.role)}</td><td>${escapeHtml(u.department ?? "—")}</td><td><code>${escapeHtml(u.code)}</code></td><td>${escapeHtml(u.reason)}</td></tr>`)
    .join("");
  return section("unmatched", `Unmatched participants (${rows.length})`, `<table><thead><tr><th>Participant</th><th>Role</th><th>Department</th><th>Code</th><th>Why</th></tr></thead><tbody>${body}</tbody></table>`);
}

function matchesSection(result: MatchResult, cohort: Cohort): string {
  const rows = toRows(result, cohort);
  const timed = rows.some((r) => r.round !== null);
  const roundWord = result.format === "flash" ? "Slot" : "Round";
  const peer = result.format === "peer";
  const body = rows
    .map(
      (r) =>
        `<tr><td class="num muted">${r.match}</td>${timed ? `<td class="num">${r.round ?? ""}</td>` : ""}<td>${person(r.mentorName, r.mentorId)}${r.mentorDepartment ? `<span class="dept">${escapeHtml(r.mentorDepartment)}</span>` : ""}</td>` +
        `<td>${person(r.menteeName, r.menteeId)}${r.menteeDepartment ? `<span class="dept">${escapeHtml(r.menteeDepartment)}</span>` : ""}</td>` +
        `<td class="num score">${meter(r.score)} ${escapeHtml(num(r.score))}${r.locked ? ` <span class="tag">locked</span>` : ""}</td>` +
        `<td><ul class="reasons">${r.reasons.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul></td></tr>`,
    )
    .join("");
  const head = `<tr><th class="num">#</th>${timed ? `<th class="num">${roundWord}</th>` : ""}<th>${peer ? "Peer" : "Mentor"}</th><th>${peer ? "Peer" : "Mentee"}</th><th class="num">Score</th><th>Reasons</th></tr>`;
  const search = `<div class="search"><input id="match-search" type="search" placeholder="Search names, ids, departments or reasons…" aria-label="Search matches" autocomplete="off"><span class="muted"><span id="match-count">${rows.length}</span> of ${rows.length} shown</span></div>`;
  return section("matches", `All matches (${rows.length})`, `${search}<table id="match-table"><thead>${head}</thead><tbody>${body}</tbody></table>`);
}

/**
 * A self-contained HTML programme report: one string with its styles, charts (inline SVG) and
 * search script inline, and no reference to anything outside the file (a Content-Security-Policy
 * forbids loading any), so it can be mailed, archived or opened offline.
 *
 * Contents: a summary (coverage, mean / median / lowest score, solver, proven optimal or the gap,
 * blocking pairs in plain words, warnings); the score distribution; each criterion's
 * contribution; mentor load; coverage and scores per department and per `options.groupBy` field;
 * any fairness audits (`options.audit`); the unmatched participants with their reasons; and a
 * searchable table of every match with names, departments, score and reasons.
 *
 * Privacy: diversity fields appear only when the programme sets `explain.includeSensitive`, and
 * never for groups under 5 people. Every participant-supplied string is HTML-escaped.
 *
 * @param result a result of `match()` (or its stored JSON).
 * @param cohort the cohort it came from, parsed or as written.
 * @throws MatchInputError for a result or cohort of the wrong shape, an invalid cohort, or an
 *   invalid `groupBy` field.
 * @remarks Since 0.2.0
 */
export function toHtmlReport(result: MatchResult, cohort: Cohort | CohortInput, rawOptions: HtmlReportOptions = {}): string {
  const options = readOptions<HtmlReportOptions>(rawOptions, "options") as HtmlReportOptions;
  checkExportInput(result, cohort);
  if (options.groupBy !== undefined && (!Array.isArray(options.groupBy) || options.groupBy.some((g) => typeof g !== "string"))) {
    throw new MatchInputError([{ path: ["options", "groupBy"], code: "invalid-option", message: "groupBy must be an array of field names" }]);
  }
  const parsed = isParsedCohort(cohort) ? cohort : parseCohort(cohort);
  const program = parsed.program;
  const title = options.title ?? program.name ?? "Mentoring programme report";
  const unmatched = result.unmatched.length;
  const facts = [FORMAT_NAMES[result.format] ?? result.format, `${parsed.participants.length} participants`, program.seed !== undefined ? `seed ${program.seed}` : ""].filter(Boolean).join(" · ");
  const nav = [
    ["summary", "Summary"],
    ["distribution", "Scores"],
    ["criteria", "Criteria"],
    ["load", "Mentor load"],
    ["groups", "Groups"],
    ["audit", "Audit"],
    ["unmatched", "Unmatched"],
    ["matches", "Matches"],
  ];
  const sections = [
    summarySection(result, unmatched),
    distributionSection(result),
    loadSection(result, parsed),
    groupsSection(result, parsed, options),
    auditSection(options.audit ?? [], parsed),
    unmatchedSection(result, parsed),
    matchesSection(result, parsed),
  ].join("\n");
  const links = nav.filter(([id]) => sections.includes(`<section id="${id}"`)).map(([id, label]) => `<a href="#${id}">${label}</a>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="mentormatch">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><div class="wrap"><h1>${escapeHtml(title)}</h1><p class="facts">${escapeHtml(facts)}${options.subtitle ? ` · ${escapeHtml(options.subtitle)}` : ""}</p><nav>${links}</nav></div></header>
<main class="wrap">
${sections}
</main>
<footer class="wrap">Made with mentormatch. Scores are in [0, 1]; every figure comes from the result and cohort given.</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
