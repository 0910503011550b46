import { listedPairs, ruleCodesOf, type ListedPairs } from "../constraints/index.js";
import { criterionOptions, type PairContext, type ReasonDraft } from "../criteria/index.js";
import type { EncodedCohort } from "../encode/index.js";
import { MatchInputError, type MatchIssue } from "../errors.js";
import { CRITERIA, participantSchema, programSchema, type Cohort, type Participant, type ParticipantInput, type Program, type ProgramInput } from "../model/index.js";
import { createRowScorer, resolveCustom, type RowScorer } from "./pair-evaluator.js";
import { isInternalRule, isScopedPair } from "./organisation-scope.js";
import { buildMatrix } from "./score-matrix.js";
import { makeReason, type Reason } from "./reason-codes.js";
import type { CompatibilityMatrix, CriterionBreakdown, CriterionEvidence, ExplainPairOptions, PairScore, ScorePairOptions } from "./types.js";

interface Explainer {
  ev: RowScorer;
  listed: ListedPairs;
}

const explainers = new WeakMap<CompatibilityMatrix, Explainer>();

function explainerOf(matrix: CompatibilityMatrix): Explainer {
  let x = explainers.get(matrix);
  if (x === undefined) {
    const weights = resolveCustom(matrix.custom, matrix.cohort.program.weights);
    x = {
      ev: createRowScorer(matrix.encoded, matrix.cohort, matrix.direction, matrix.custom, weights, "all", 1),
      listed: listedPairs(matrix.encoded, matrix.cohort, matrix.direction),
    };
    explainers.set(matrix, x);
  }
  return x;
}

function rankOf(enc: EncodedCohort, p: number, q: number): number {
  for (let k = enc.ranked.start[p]!; k < enc.ranked.start[p + 1]!; k++) if (enc.ranked.list[k] === q) return enc.rankedRank[k]!;
  return -1;
}

/**
 * Explains one pair of a matrix: the same score and eligibility as the matrix holds (computed by
 * the same kernels), with each criterion's breakdown and evidence, the broken rules, and reasons
 * in plain sentences. Diversity evidence is redacted, and never in `reasons`, unless
 * `explain.includeSensitive`.
 *
 * Cross-organisation pairs (both give an `organisation` and they differ) are scoped unless
 * `explain.crossOrganisation: "full"`: their reasons and diversity evidence never mention
 * department, manager or career level — diversity terms on those attributes are left out, and the
 * reporting-line, department and level rules share one neutral sentence. `violations` keeps every
 * code for the admin. Custom criteria's own sentences are the caller's to scope.
 *
 * Reasons (each `{ code, params, text }`, see `REASON_CODES`): up to `explain.maxReasons`
 * positive reasons ordered by their contribution to the score, weight × criterion score — each
 * criterion's main reason first (so goals come before scheduling when goals contribute more),
 * then criteria's further reasons (e.g. meeting mode after shared hours) in the same order; ties
 * in criterion order. Then one reason per broken rule. A pair with no data for any weighted
 * criterion says so. `options.messages` replaces the English sentences (a message catalogue).
 * @throws MatchInputError when `row` or `col` is out of range.
 * @remarks Since 0.1.0; reasons are objects since 0.2.0
 */
export function explainPair(matrix: CompatibilityMatrix, row: number, col: number, options: ExplainPairOptions = {}): PairScore {
  if (matrix === null || typeof matrix !== "object" || typeof matrix.rows !== "number" || typeof matrix.cols !== "number" || !(matrix.scores instanceof Float64Array)) {
    throw new MatchInputError([{ path: ["matrix"], code: "invalid-type", message: "expected a CompatibilityMatrix from scoreMatrix()" }]);
  }
  if (typeof row !== "number" || typeof col !== "number") {
    throw new MatchInputError([{ path: [], code: "out-of-range", message: "row and col must be integer indices into the matrix" }]);
  }
  if (!Number.isInteger(row) || row < 0 || row >= matrix.rows || !Number.isInteger(col) || col < 0 || col >= matrix.cols) {
    throw new MatchInputError([{ path: [], code: "out-of-range", message: `pair (${row}, ${col}) is outside the ${matrix.rows} × ${matrix.cols} matrix` }]);
  }
  const { ev, listed } = explainerOf(matrix);
  const enc = matrix.encoded;
  const cohort = matrix.cohort;
  const program = cohort.program;
  const a = matrix.rowParticipants[row]!;
  const b = matrix.colParticipants[col]!;
  const rankAB = rankOf(enc, a, b);
  const rankBA = rankOf(enc, b, a);
  const scoreOut = new Float64Array(1);
  const bitsOut = new Int32Array(1);
  for (let k = listed.start[a]!; k < listed.start[a + 1]!; k++) if (listed.col[k] === b) bitsOut[0] = bitsOut[0]! | listed.bits[k]!;
  ev.scoreRow(a, Int32Array.of(b), Int32Array.of(rankAB), Int32Array.of(rankBA), scoreOut, bitsOut);
  const score = scoreOut[0]!;
  const bits = bitsOut[0]! >>> 0;
  const values = ev.values.map((v) => v[0]!);
  let locked = false;
  for (let k = listed.lockedStart[a]!; k < listed.lockedStart[a + 1]!; k++) if (listed.lockedCol[k] === b) locked = true;

  const neutral = program.criteria.missing === "neutral";
  const includeSensitive = program.explain.includeSensitive;
  const scoped = isScopedPair(program, cohort.participants[a]!, cohort.participants[b]!);
  const breakdown: Record<string, CriterionBreakdown> = {};
  type Draft = ReasonDraft;
  const candidates: { draft: Draft; strength: number; tier: number; order: number }[] = [];
  let anyData = false;

  ev.modules.forEach((module, c) => {
    const name = module.name;
    const v = values[c]!;
    const weight = ev.weights[c]!;
    const has = !Number.isNaN(v);
    if (has && weight > 0) anyData = true;
    const ctx: PairContext<unknown, object> = {
      enc, cohort, program, options: criterionOptions(program, module), direction: matrix.direction,
      a, b, rankAB, rankBA, score: v, scoped, includeSensitive,
    };
    const evidence = (module.evidence(ctx) ?? null) as CriterionEvidence;
    const texts: Draft[] = evidence === null ? [] : module.reasons(evidence, ctx);
    const used = weight > 0 && (has || neutral);
    breakdown[name] = { score: has ? v : null, weight, used, neutral: used && !has, evidence };
    if (used && has && v > 0) texts.forEach((draft, tier) => candidates.push({ draft, strength: weight * v, tier: Math.min(tier, 1), order: candidates.length }));
  });

  candidates.sort((x, y) => x.tier - y.tier || y.strength - x.strength || x.order - y.order);
  const make = (d: Draft): Reason => makeReason(d.code, d.params as never, options.messages);
  const reasons = candidates.slice(0, program.explain.maxReasons).map((x) => make(x.draft));
  if (!anyData && !neutral) reasons.push(make({ code: "no-data", params: {} }));
  const violations = ruleCodesOf(bits);
  let scopedRule = false;
  for (const rule of violations) {
    if (scoped && isInternalRule(rule)) scopedRule = true;
    else reasons.push(make({ code: "rule-broken", params: { rule, locked } }));
  }
  if (scopedRule) reasons.push(make({ code: "rule-scoped", params: { locked } }));
  return { score, eligible: bits === 0 || locked, locked, breakdown, violations, reasons };
}

function customCode(iss: unknown): string | undefined {
  const code = (iss as { params?: { code?: unknown } }).params?.code;
  return typeof code === "string" ? code : undefined;
}

function parseOrThrow<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; code: string; message: string }[] } } }, value: unknown, at: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues: MatchIssue[] = r.error.issues.map((iss) => ({
    path: [at, ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : (p)))],
    code: customCode(iss) ?? iss.code.replace(/_/g, "-"),
    message: iss.message,
  }));
  throw new MatchInputError(issues);
}

/**
 * Scores one pair under a programme: `a` is the mentee (row side) and `b` the mentor (column
 * side); for reverse programmes `a` is the senior mentee and `b` the junior mentor; for peer
 * programmes both directions are scored. Returns the same {@link PairScore} as {@link explainPair}
 * and agrees with `scoreMatrix` bit for bit: it builds a two-person cohort and runs the same
 * matrix pass. Preferences, history and admin pair lists that name other people are ignored.
 *
 * @param a the mentee, parsed or as written (defaults applied).
 * @param b the mentor.
 * @param program the programme, parsed or as written. Default `{}` (all defaults).
 * @throws MatchInputError for an invalid participant, programme or custom criterion.
 * @remarks Since 0.1.0
 */
export function scorePair(a: Participant | ParticipantInput, b: Participant | ParticipantInput, program: Program | ProgramInput = {}, options: ScorePairOptions = {}): PairScore {
  const mentee = parseOrThrow<Participant>(participantSchema, a, "mentee");
  const mentor = parseOrThrow<Participant>(participantSchema, b, "mentor");
  const prog = parseOrThrow<Program>(programSchema, program, "program");
  const custom = options.custom ?? [];
  const known = new Set<string>([...CRITERIA, ...custom.map((c) => c?.name)]);
  const unknown = Object.keys(prog.weights).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new MatchInputError(unknown.map((k) => ({ path: ["program", "weights", k], code: "unknown-criterion", message: `no criterion named ${JSON.stringify(k)}` })));
  }
  const same = mentee.id === mentor.id;
  const cohort: Cohort = { participants: same ? [mentee] : [mentee, mentor], program: prog };
  const direction = prog.format === "peer" ? "peer" : prog.format === "reverse" ? "reverse" : "forward";
  const matrix = buildMatrix(cohort, { rows: Int32Array.of(0), cols: Int32Array.of(same ? 0 : 1), direction }, { custom });
  return explainPair(matrix, 0, 0, options.messages ? { messages: options.messages } : {});
}
