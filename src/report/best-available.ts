import { makeReason, type Reason, type ReasonMessages } from "../score/index.js";

/**
 * Why this partner, against the others the participant could have had: the reason that says
 * whether the match is the participant's best-scoring eligible option (`top-choice`), whether
 * every eligible partner who scores higher was full (`best-available`), or whether some of them
 * had room and the programme's objective still chose otherwise (`overall-optimum`).
 *
 * Under `maxTotal` the last never happens for a one-on-one optimum: moving the mentee to a
 * higher-scoring mentor with a free seat would raise the total. It can under `maxMin`, `priority`,
 * stable matching, quotas and locked pairs, and the reason then says so.
 *
 * `view` is a row-major score matrix with its eligibility; `row` is the participant, `col` the
 * partner they were given, `skip` a column to leave out (the participant themself, or −1), and
 * `full(j)` tells whether column `j` had no room left.
 * @remarks Since 0.2.0
 */
export function partnerChoiceReason(args: {
  view: { cols: number; scores: Float64Array; eligible: Uint8Array };
  row: number;
  col: number;
  skip: number;
  full: (j: number) => boolean;
  partner: "mentor" | "mentee" | "peer";
  objective: string;
  messages?: ReasonMessages | undefined;
}): Reason {
  const { view, row, col, skip, full, partner } = args;
  const base = row * view.cols;
  const own = view.scores[base + col]!;
  let eligible = 1;
  let higher = 0;
  let withRoom = 0;
  for (let j = 0; j < view.cols; j++) {
    if (j === col || j === skip || view.eligible[base + j] !== 1) continue;
    eligible++;
    // Scores equal to the last bits are ties, not better options.
    if (view.scores[base + j]! > own + 1e-12) {
      higher++;
      if (!full(j)) withRoom++;
    }
  }
  if (higher === 0) return makeReason("top-choice", { eligible, partner }, args.messages);
  if (withRoom === 0) return makeReason("best-available", { higher, eligible, partner }, args.messages);
  return makeReason("overall-optimum", { higher, withRoom, eligible, partner, objective: args.objective }, args.messages);
}

/**
 * The reason of last resort, so that no match is left without one: its overall score, with the
 * plain statement that no single criterion stands out.
 * @remarks Since 0.2.0
 */
export function overallScoreReason(score: number, messages?: ReasonMessages): Reason {
  return makeReason("overall-score", { score }, messages);
}
