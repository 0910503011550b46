import { MatchInputError, type MatchIssue } from "../errors.js";
import { readCounts, readDenseCost, type CostInput } from "./cost-input.js";
import { OptionReader, readNumberArray, readOptions } from "../guard.js";
import { runSteps, STEP_WORK, type Steps } from "../steps.js";

/**
 * Options for {@link solveCapacitatedAssignment}.
 * @remarks Since 0.1.0
 */
export interface CapacitatedAssignmentOptions {
  /** Most rows (mentees) column j (a mentor) takes; one non-negative integer per column. */
  capacity: ArrayLike<number>;
  /** Fewest rows column j should take when that is feasible; default 0 for every column. */
  minimum?: ArrayLike<number>;
  /** Maximise the total instead of minimising it (then `-Infinity` marks a forbidden pair). @defaultValue false */
  maximize?: boolean;
}

/**
 * Result of {@link solveCapacitatedAssignment}.
 * @remarks Since 0.1.0
 */
export interface CapacitatedAssignmentResult {
  /** Column of each row, −1 when the row is unassigned. */
  rowToCol: Int32Array;
  /** Number of rows each column took. */
  load: Int32Array;
  /** Sum of the costs of the assigned pairs. */
  total: number;
  /** Columns whose `minimum` could not be met, in increasing order (empty when all are met). */
  unmetMinimum: number[];
}

/**
 * Result of {@link verifyCapacitatedAssignment}.
 * @remarks Since 0.1.0
 */
export interface CapacitatedAssignmentCheck {
  valid: boolean;
  /** One sentence per problem found (empty when valid). */
  problems: string[];
}

interface Resolved {
  n: number;
  m: number;
  /** Row-major costs to minimise; `+Infinity` marks a forbidden pair. */
  cost: Float64Array;
  /** The user's matrix, for totals in the user's sign. */
  original: Float64Array;
  capacity: Int32Array;
  minimum: Int32Array;
  maximize: boolean;
}

/**
 * Assigns each row (mentee) to at most one column (mentor); column j takes at most
 * `capacity[j]` rows and, when feasible, at least `minimum[j]`. The objective is lexicographic:
 * first assign as many rows as possible; among those assignments, fill as many minimum seats
 * (Σ_j min(load_j, minimum_j)) as possible; among those, the optimal total. Minimums that cannot
 * be met are reported in `unmetMinimum`, never thrown.
 *
 * `+Infinity` (`-Infinity` when maximising) marks a forbidden pair, which is never used.
 * Exact: successive shortest paths with node potentials on the flow network
 * source → rows → columns → sink, run densely like Jonker–Volgenant (Dijkstra over columns, a
 * column with spare capacity acts as a sink). Path lengths are compared as integer/float pairs,
 * so the three tiers of the objective never mix and no large offset costs precision; totals are
 * exact up to the usual floating-point summation error.
 *
 * @param cost - `number[][]`, an ml-matrix `Matrix` or `{ rows, cols, data }`; rows × columns.
 * @param options - `capacity` (required), `minimum` (default all 0), `maximize` (default false).
 * @throws MatchInputError for NaN or the opposite infinity (path `["cost", i, j]`), a negative or
 *   non-integer capacity (`["capacity", j]`), `minimum[j] > capacity[j]` (`["minimum", j]`), or
 *   wrong lengths.
 * @remarks Since 0.1.0
 *
 * Reference: R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", 1993 (successive shortest
 * paths); R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse
 * linear assignment problems", 1987.
 */
export function solveCapacitatedAssignment(
  cost: CostInput,
  options: CapacitatedAssignmentOptions,
): CapacitatedAssignmentResult {
  return runSteps(capacitatedAssignmentSteps(cost, options));
}

/**
 * {@link solveCapacitatedAssignment} as a resumable computation (see `src/steps.ts`): input errors
 * are thrown on the first resume, and it yields about every `STEP_WORK` cells relaxed.
 * @internal
 */
export function* capacitatedAssignmentSteps(cost: CostInput, options: CapacitatedAssignmentOptions): Steps<CapacitatedAssignmentResult> {
  const p = yield* resolveSteps(cost, options);
  // Run one Dijkstra per unit on the smaller side: per mentee, or per mentor seat.
  let seats = 0;
  for (let j = 0; j < p.m; j++) seats += Math.min(p.capacity[j] as number, p.n);
  const rowToCol = seats < p.n ? yield* solveFlowBySeats(p) : yield* solveFlow(p);
  const load = new Int32Array(p.m);
  let total = 0;
  for (let i = 0; i < p.n; i++) {
    const j = rowToCol[i] as number;
    if (j >= 0) { load[j] = (load[j] as number) + 1; total += p.original[i * p.m + j] as number; }
  }
  const unmetMinimum: number[] = [];
  for (let j = 0; j < p.m; j++) if ((load[j] as number) < (p.minimum[j] as number)) unmetMinimum.push(j);
  return { rowToCol, load, total, unmetMinimum };
}

/**
 * Checks a capacitated assignment: shapes, column indices, no forbidden pair used, no column
 * over capacity, `load` and `total` (when given) consistent with `rowToCol`, and maximality (no
 * unassigned row has an allowed column with spare capacity). It does not prove optimality.
 * @remarks Since 0.1.0
 */
export function verifyCapacitatedAssignment(
  cost: CostInput,
  options: CapacitatedAssignmentOptions,
  result: { rowToCol: ArrayLike<number>; load?: ArrayLike<number>; total?: number },
): CapacitatedAssignmentCheck {
  const p = resolve(cost, options);
  const { n, m } = p;
  const problems: string[] = [];
  const given = readOptions<{ rowToCol: unknown }>(result ?? null, "result") as Record<string, unknown>;
  const rowToCol = readNumberArray(given["rowToCol"], ["result", "rowToCol"]);
  const read = new OptionReader(["result"]);
  const givenTotal = read.number(given, "total", Number.NaN, -Infinity, Infinity);
  read.done();
  result = { rowToCol, ...(given["load"] !== undefined ? { load: readNumberArray(given["load"], ["result", "load"]) } : {}), ...(given["total"] !== undefined ? { total: givenTotal } : {}) };
  if (rowToCol.length !== n) return { valid: false, problems: [`rowToCol has length ${rowToCol.length}, expected ${n}`] };
  const load = new Int32Array(m);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = rowToCol[i] as number;
    if (j === -1) continue;
    if (!Number.isInteger(j) || j < 0 || j >= m) { problems.push(`row ${i} is assigned to column ${j}, which does not exist`); continue; }
    const c = p.cost[i * m + j] as number;
    if (c === Infinity) problems.push(`row ${i} is assigned to forbidden column ${j}`);
    load[j] = (load[j] as number) + 1;
    total += p.original[i * m + j] as number;
  }
  for (let j = 0; j < m; j++) {
    if ((load[j] as number) > (p.capacity[j] as number)) problems.push(`column ${j} takes ${load[j]} rows, capacity ${p.capacity[j]}`);
    if (result.load !== undefined && result.load[j] !== load[j]) problems.push(`load[${j}] is ${result.load[j]}, but ${load[j]} rows are assigned to it`);
  }
  if (result.total !== undefined && Math.abs(result.total - total) > 1e-9 * Math.max(1, Math.abs(total))) {
    problems.push(`total is ${result.total}, but the assigned pairs sum to ${total}`);
  }
  for (let i = 0; i < n; i++) {
    if (rowToCol[i] !== -1) continue;
    for (let j = 0; j < m; j++) {
      if ((load[j] as number) < (p.capacity[j] as number) && (p.cost[i * m + j] as number) !== Infinity) {
        problems.push(`row ${i} is unassigned although column ${j} is allowed and has spare capacity`);
        break;
      }
    }
  }
  return { valid: problems.length === 0, problems };
}

function resolve(cost: CostInput, options: CapacitatedAssignmentOptions): Resolved {
  return runSteps(resolveSteps(cost, options));
}

/** Reads and checks the input, yielding between rows of the matrix. */
function* resolveSteps(cost: CostInput, rawOptions: CapacitatedAssignmentOptions): Steps<Resolved> {
  if (rawOptions === null || typeof rawOptions !== "object" || Array.isArray(rawOptions)) {
    throw new MatchInputError([{ path: ["options"], code: "type", message: "expected { capacity, minimum?, maximize? }" }]);
  }
  const options = rawOptions as CapacitatedAssignmentOptions & Record<string, unknown>;
  const read = new OptionReader(["options"]);
  const maximize = read.boolean(options, "maximize", false);
  read.done();
  // The matrix, its negated copy and the mentor-major copy of the seat-driven search.
  const { rows: n, cols: m, data } = readDenseCost(cost, "cost", 24);
  const issues: MatchIssue[] = [];
  const capacity = readCounts(options.capacity, "capacity", m, issues, false, "column");
  const minimum = readCounts(options.minimum, "minimum", m, issues, true, "column");
  if (issues.length === 0) {
    for (let j = 0; j < m; j++) {
      if ((minimum[j] as number) > (capacity[j] as number)) {
        issues.push({ path: ["minimum", j], code: "range", message: `minimum ${minimum[j]} exceeds capacity ${capacity[j]}` });
      }
    }
  }
  const forbidden = maximize ? -Infinity : Infinity;
  const c = maximize ? new Float64Array(n * m) : data;
  // Checks (and, when maximising, negates) one row; a function of its own for V8 (see solveFlow).
  const readRow = (i: number): void => {
    for (let k = i * m, end = k + m; k < end && issues.length < 20; k++) {
      const v = data[k] as number;
      if (Number.isNaN(v) || v === -forbidden) {
        issues.push({
          path: ["cost", i, k - i * m], code: Number.isNaN(v) ? "nan" : "infinity",
          message: Number.isNaN(v)
            ? "is NaN"
            : `is ${v}; only ${forbidden} (forbidden pair) is allowed when ${maximize ? "maximising" : "minimising"}`,
        });
      } else if (maximize) c[k] = -v;
    }
  };
  for (let i = 0, work = 0; i < n && issues.length < 20; i++) {
    readRow(i);
    if ((work += m) >= STEP_WORK) { work = 0; yield; }
  }
  if (issues.length > 0) throw new MatchInputError(issues);
  return { n, m, cost: c, original: data, capacity, minimum, maximize };
}


/**
 * Successive shortest paths, one row at a time (Ahuja, Magnanti, Orlin, Network Flows (1993),
 * successive shortest paths). Every row may also go to a virtual "skip" column with unlimited
 * capacity, so every row is always routable and each step keeps the flow optimal for the rows
 * seen so far. Path costs are pairs (primary, secondary) compared lexicographically:
 *   primary   = K per skipped row − 1 per filled minimum seat, with K = Σ minimum + 1,
 *   secondary = the cost itself.
 * One skipped row outweighs every minimum seat, so cardinality comes first. Maximising filled
 * minimum seats second is consistent with that: an augmenting path never takes a seat away from
 * a column (intermediate columns swap one row for another), so a max-cardinality matching that
 * meets the minimums exists whenever any matching meets them. A column's first `minimum[j]`
 * seats cost −1 (primary) and the rest 0, a convex per-column cost, so filling seats in order is
 * exact. Primary parts are integers, hence exact in doubles.
 */
function* solveFlow(p: Resolved): Steps<Int32Array> {
  const { n, m, cost, capacity, minimum } = p;
  const rowCol = new Int32Array(n).fill(-1);
  if (n === 0) return rowCol;
  const skip = m;
  let K = 1;
  for (let j = 0; j < m; j++) K += minimum[j] as number;

  // Seats of column j are slotRow[slotStart[j] .. slotStart[j] + load[j]).
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = (slotStart[j] as number) + Math.min(capacity[j] as number, n);
  const slotRow = new Int32Array(slotStart[m] as number);
  const slotOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);

  // Potentials (Johnson form): reduced cost of row i → column j is c_ij + h(i) − h(j) ≥ 0.
  const hrP = new Float64Array(n), hrS = new Float64Array(n);
  const hcP = new Float64Array(m + 1), hcS = new Float64Array(m + 1);
  // Column minima, row by row (cache-friendly), yielding between rows.
  hcS.fill(Infinity);
  const minimaOfRow = (i: number): void => {
    for (let j = 0, k = i * m; j < m; j++, k++) { const c = cost[k] as number; if (c < (hcS[j] as number)) hcS[j] = c; }
  };
  for (let i = 0, work = 0; i < n; i++) {
    minimaOfRow(i);
    if ((work += m) >= STEP_WORK) { work = 0; yield; }
  }
  for (let j = 0; j < m; j++) if (hcS[j] === Infinity) hcS[j] = 0;
  hcS[skip] = 0;
  hcP[skip] = K;
  // Sink potential: reduced cost of column j → sink is seat(j) + h(j) − h(t) ≥ 0.
  let htP = K, htS = 0;
  for (let j = 0; j < m; j++) {
    if (capacity[j] === 0) continue;
    const sP = (minimum[j] as number) > 0 ? -1 : 0;
    const vP = sP + (hcP[j] as number), vS = hcS[j] as number;
    if (vP < htP || (vP === htP && vS < htS)) { htP = vP; htS = vS; }
  }

  const dP = new Float64Array(m + 1), dS = new Float64Array(m + 1);
  const pred = new Int32Array(m + 1);
  const todo = new Int32Array(m + 1);
  const doneCols = new Int32Array(m + 1);
  const doneRows = new Int32Array(n);
  const rowDP = new Float64Array(n), rowDS = new Float64Array(n);

  const pending = new Int32Array(n);

  // One shortest-path search and augmentation for row r; returns the cells it relaxed. Kept out
  // of the generator so V8 optimises it as a plain function (a generator's own hot loops are
  // not optimised on stack replacement and ran twice as slow).
  const augmentRow = (r: number): number => {
    let work = 0;
    for (let j = 0; j <= m; j++) { dP[j] = Infinity; dS[j] = Infinity; todo[j] = j; }
    let todoCount = m + 1;
    let nDoneCols = 0, nDoneRows = 0, nPending = 1;
    let tP = Infinity, tS = Infinity, tCol = -1;
    pending[0] = r; rowDP[r] = 0; rowDS[r] = 0;

    for (;;) {
      // Relax every unscanned column from each newly reached row.
      while (nPending > 0) {
        work += todoCount;
        const i = pending[--nPending] as number;
        doneRows[nDoneRows++] = i;
        const oP = (rowDP[i] as number) + (hrP[i] as number), oS = (rowDS[i] as number) + (hrS[i] as number);
        const base = i * m;
        for (let t = 0; t < todoCount; t++) {
          const j = todo[t] as number;
          let vP: number, vS: number;
          if (j === skip) { vP = oP + K - (hcP[skip] as number); vS = oS - (hcS[skip] as number); } else {
            const c = cost[base + j] as number;
            if (c === Infinity) continue;
            vP = oP - (hcP[j] as number); vS = oS + c - (hcS[j] as number);
          }
          const cur = dP[j] as number;
          if (vP < cur || (vP === cur && vS < (dS[j] as number))) { dP[j] = vP; dS[j] = vS; pred[j] = i; }
        }
      }
      // Pop nearest unscanned columns until one holds rows to scan, or the sink is no farther.
      let grew = false;
      while (todoCount > 0) {
        work += todoCount;
        let bestT = -1, bP = Infinity, bS = Infinity;
        for (let t = 0; t < todoCount; t++) {
          const j = todo[t] as number;
          const x = dP[j] as number;
          if (x < bP || (x === bP && (dS[j] as number) < bS)) { bP = x; bS = dS[j] as number; bestT = t; }
        }
        if (bestT < 0 || !(bP < tP || (bP === tP && bS < tS))) break;
        const j = todo[bestT] as number;
        todo[bestT] = todo[--todoCount] as number;
        doneCols[nDoneCols++] = j;
        if (j === skip) {
          // Rows parked on skip are never worth re-routing through it (that would close a
          // non-negative cycle), so skip is a pure sink.
          const xP = bP + (hcP[skip] as number) - htP, xS = bS + (hcS[skip] as number) - htS;
          if (xP < tP || (xP === tP && xS < tS)) { tP = xP; tS = xS; tCol = skip; }
          continue;
        }
        const lj = load[j] as number;
        if (lj < (capacity[j] as number)) {
          const sP = lj < (minimum[j] as number) ? -1 : 0;
          const xP = bP + sP + (hcP[j] as number) - htP, xS = bS + (hcS[j] as number) - htS;
          if (xP < tP || (xP === tP && xS < tS)) { tP = xP; tS = xS; tCol = j; }
          // The sink is reached at j's own distance: every other path is at least as long
          // (reduced costs are non-negative), so j's rows need no scan. Without this, a column
          // with many rows and spare seats was rescanned for every row (quadratic; issue 14 fuzz).
          if (tP === bP && tS === bS) break;
        }
        if (lj > 0) {
          // Backward edges to the rows column j holds (tight, so reduced cost ≈ 0; computed exactly).
          const s0 = slotStart[j] as number;
          for (let s = s0; s < s0 + lj; s++) {
            const h = slotRow[s] as number;
            rowDP[h] = bP + (hcP[j] as number) - (hrP[h] as number);
            rowDS[h] = bS - (cost[h * m + j] as number) + (hcS[j] as number) - (hrS[h] as number);
            pending[nPending++] = h;
          }
          grew = true;
          break;
        }
      }
      if (!grew) break;
    }

    // Potentials: scanned nodes move by d(v) − d(t); the rest keep theirs.
    for (let q = 0; q < nDoneCols; q++) {
      const j = doneCols[q] as number;
      hcP[j] = (hcP[j] as number) + (dP[j] as number) - tP;
      hcS[j] = (hcS[j] as number) + (dS[j] as number) - tS;
    }
    for (let q = 0; q < nDoneRows; q++) {
      const h = doneRows[q] as number;
      hrP[h] = (hrP[h] as number) + (rowDP[h] as number) - tP;
      hrS[h] = (hrS[h] as number) + (rowDS[h] as number) - tS;
    }
    // Augment: walk back from the sink column; each row takes the seat the next row vacates.
    let j = tCol;
    let seat = -1;
    if (j !== skip) { seat = (slotStart[j] as number) + (load[j] as number); load[j] = (load[j] as number) + 1; }
    for (;;) {
      const h = pred[j] as number;
      const old = rowCol[h] as number, oldSeat = slotOf[h] as number;
      rowCol[h] = j; slotOf[h] = seat;
      if (seat >= 0) slotRow[seat] = h;
      if (h === r) break;
      j = old; seat = oldSeat;
    }
    return work;
  };
  for (let r = 0, work = 0; r < n; r++) {
    if ((work += augmentRow(r) + m) >= STEP_WORK) { work = 0; yield; }
  }
  for (let i = 0; i < n; i++) if (rowCol[i] === skip) rowCol[i] = -1;
  return rowCol;

}

/**
 * The same successive-shortest-path computation driven from the other side, used when there are
 * fewer seats than rows: each unit of mentor j's capacity is a supply that must be routed either
 * to a mentee or to j's own "unfilled" outlet. An unfilled seat costs K (primary), and +1 more
 * once j's unfilled seats eat into its minimum (convex tiers), so the objective is the same
 * lexicographic one: K·(seats − assigned) + unmet minimum seats, then cost. Free mentees are
 * plentiful here, so the searches stay short. Reference as above (Ahuja, Magnanti, Orlin 1993).
 */
function* solveFlowBySeats(p: Resolved): Steps<Int32Array> {
  const { n, m, cost, capacity, minimum } = p;
  const assign = new Int32Array(n).fill(-1);
  if (n === 0 || m === 0) return assign;
  let K = 1;
  for (let j = 0; j < m; j++) K += minimum[j] as number;
  const units = new Int32Array(m), freeUnits = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    units[j] = Math.min(capacity[j] as number, n);
    freeUnits[j] = Math.max(0, (units[j] as number) - Math.min(minimum[j] as number, units[j] as number));
  }
  const skipped = new Int32Array(m);
  // Potentials: reduced cost of mentor k → mentee i is c_ik + h(k) − h(i).
  const hmP = new Float64Array(m), hmS = new Float64Array(m);
  const heP = new Float64Array(n), heS = new Float64Array(n);
  const htP = 0;
  let htS = Infinity;
  const minimumOfRow = (i: number): number => {
    let lo = Infinity;
    for (let k = i * m, end = k + m; k < end; k++) { const c = cost[k] as number; if (c < lo) lo = c; }
    return lo;
  };
  for (let i = 0, work = 0; i < n; i++) {
    const lo = minimumOfRow(i);
    heS[i] = lo === Infinity ? 0 : lo;
    if ((heS[i] as number) < htS) htS = heS[i] as number;
    if ((work += m) >= STEP_WORK) { work = 0; yield; }
  }

  // Mentor-major copy of the costs: scanning mentor k then reads one contiguous row instead of a
  // column with stride m (which was cache-miss bound on 10⁴ × 10³ cohorts).
  const costT = new Float64Array(n * m);
  for (let i = 0, work = 0; i < n; i++) {
    for (let k = 0, base = i * m; k < m; k++) costT[k * n + i] = cost[base + k] as number;
    if ((work += m) >= STEP_WORK) { work = 0; yield; }
  }
  const dP = new Float64Array(n), dS = new Float64Array(n);
  const pred = new Int32Array(n);
  const todo = new Int32Array(n);
  const pos = new Int32Array(n);
  // Binary min-heap of reached, unscanned mentees keyed by (dP, dS), with lazy deletion: an entry
  // is stale once its mentee is scanned or has a better key. Mentees are popped thousands of
  // times per unit on large cohorts, so a linear min-scan over all of them dominated the run.
  let heapCap = Math.max(16, n);
  let hId = new Int32Array(heapCap), hP = new Float64Array(heapCap), hS = new Float64Array(heapCap);
  let heapSize = 0;
  const scanned = new Int32Array(n).fill(-1);
  const heapPush = (i: number, kp: number, ks: number) => {
    if (heapSize === heapCap) {
      heapCap *= 2;
      const a = new Int32Array(heapCap); a.set(hId); hId = a;
      const b = new Float64Array(heapCap); b.set(hP); hP = b;
      const c = new Float64Array(heapCap); c.set(hS); hS = c;
    }
    let x = heapSize++;
    while (x > 0) {
      const up = (x - 1) >> 1;
      const uP = hP[up] as number;
      if (uP < kp || (uP === kp && (hS[up] as number) <= ks)) break;
      hId[x] = hId[up] as number; hP[x] = uP; hS[x] = hS[up] as number;
      x = up;
    }
    hId[x] = i; hP[x] = kp; hS[x] = ks;
  };
  const heapPopTop = () => {
    const lastId = hId[--heapSize] as number, lp = hP[heapSize] as number, ls = hS[heapSize] as number;
    let x = 0;
    for (;;) {
      let c = 2 * x + 1;
      if (c >= heapSize) break;
      const c2 = c + 1;
      if (c2 < heapSize && ((hP[c2] as number) < (hP[c] as number) || ((hP[c2] as number) === (hP[c] as number) && (hS[c2] as number) < (hS[c] as number)))) c = c2;
      const cP = hP[c] as number;
      if (lp < cP || (lp === cP && ls <= (hS[c] as number))) break;
      hId[x] = hId[c] as number; hP[x] = cP; hS[x] = hS[c] as number;
      x = c;
    }
    hId[x] = lastId; hP[x] = lp; hS[x] = ls;
  };
  const doneMentees = new Int32Array(n);
  const mDP = new Float64Array(m), mDS = new Float64Array(m);
  const via = new Int32Array(m);
  const mentorSeen = new Int32Array(m).fill(-1);
  const doneMentors = new Int32Array(m);

  let stamp = 0;
  // One shortest-path search and augmentation for one seat of mentor src; returns the cells it
  // relaxed. Kept out of the generator for V8's sake, as in solveFlow.
  const augmentUnit = (src: number): number => {
    let work = n;
    for (let i = 0; i < n; i++) { dP[i] = Infinity; dS[i] = Infinity; todo[i] = i; pos[i] = i; }
    heapSize = 0;
    let todoCount = n, nDoneMentees = 0, nDoneMentors = 0;
    let tP = Infinity, tS = Infinity, tMentee = -1, tMentor = -1;
    let k = src, aP = 0, aS = 0;
    mentorSeen[src] = stamp;
    for (;;) {
      // Scan mentor k, reached at (aP, aS): its "unfilled" outlet, then every unscanned mentee.
      work += todoCount;
      mDP[k] = aP; mDS[k] = aS; doneMentors[nDoneMentors++] = k;
      const tier = (skipped[k] as number) < (freeUnits[k] as number) ? K : K + 1;
      const xP = aP + tier + (hmP[k] as number) - htP, xS = aS + (hmS[k] as number) - htS;
      if (xP < tP || (xP === tP && xS < tS)) { tP = xP; tS = xS; tMentor = k; tMentee = -1; }
      const oP = aP + (hmP[k] as number), oS = aS + (hmS[k] as number);
      const kRow = k * n;
      for (let t = 0; t < todoCount; t++) {
        const i = todo[t] as number;
        const c = costT[kRow + i] as number;
        if (c === Infinity) continue;
        const vP = oP - (heP[i] as number), vS = oS + c - (heS[i] as number);
        const cur = dP[i] as number;
        if (vP < cur || (vP === cur && vS < (dS[i] as number))) { dP[i] = vP; dS[i] = vS; pred[i] = k; heapPush(i, vP, vS); }
      }
      // Pop mentees in distance order until one leads to an unscanned mentor.
      let next = -1;
      for (;;) {
        // Drop stale entries, then look at the nearest reached mentee.
        while (heapSize > 0) {
          const top = hId[0] as number;
          if (scanned[top] !== stamp && hP[0] === dP[top] && hS[0] === dS[top]) break;
          heapPopTop();
        }
        if (heapSize === 0) break;
        const i = hId[0] as number;
        const bP = dP[i] as number, bS = dS[i] as number;
        if (!(bP < tP || (bP === tP && bS < tS))) break;
        heapPopTop();
        scanned[i] = stamp;
        const at = pos[i] as number;
        const last = todo[--todoCount] as number;
        todo[at] = last;
        pos[last] = at;
        doneMentees[nDoneMentees++] = i;
        const owner = assign[i] as number;
        if (owner === -1) {
          const yP = bP + (heP[i] as number) - htP, yS = bS + (heS[i] as number) - htS;
          if (yP < tP || (yP === tP && yS < tS)) { tP = yP; tS = yS; tMentee = i; tMentor = -1; }
        } else if (mentorSeen[owner] !== stamp) {
          mentorSeen[owner] = stamp;
          via[owner] = i;
          aP = bP + (heP[i] as number) - (hmP[owner] as number);
          aS = bS - (cost[i * m + owner] as number) + (heS[i] as number) - (hmS[owner] as number);
          next = owner;
          break;
        }
      }
      if (next === -1) break;
      k = next;
    }
    for (let q = 0; q < nDoneMentors; q++) {
      const j = doneMentors[q] as number;
      hmP[j] = (hmP[j] as number) + (mDP[j] as number) - tP;
      hmS[j] = (hmS[j] as number) + (mDS[j] as number) - tS;
    }
    for (let q = 0; q < nDoneMentees; q++) {
      const i = doneMentees[q] as number;
      heP[i] = (heP[i] as number) + (dP[i] as number) - tP;
      heS[i] = (heS[i] as number) + (dS[i] as number) - tS;
    }
    // Augment: each mentee on the path moves to the mentor that reached it.
    let cur: number;
    if (tMentee >= 0) cur = tMentee; else {
      skipped[tMentor] = (skipped[tMentor] as number) + 1;
      if (tMentor === src) return work;
      cur = via[tMentor] as number;
    }
    for (;;) {
      const j = pred[cur] as number;
      assign[cur] = j;
      if (j === src) break;
      cur = via[j] as number;
    }
    return work;
  };
  for (let src = 0, work = 0; src < m; src++) {
    for (let unit = 0; unit < (units[src] as number); unit++, stamp++) {
      if ((work += augmentUnit(src)) >= STEP_WORK) { work = 0; yield; }
    }
  }
  return assign;
}
