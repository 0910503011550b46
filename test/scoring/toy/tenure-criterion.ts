// A toy criterion written exactly as a built-in is: one module implementing CriterionModule.
// CONTRIBUTING.md walks through it. "tenure": how far the mentor's years at the company
// (attributes.tenure) are ahead of the mentee's, up to `criteria.tenure.years` (default 5).
import * as z from "zod";
import { defineCriterion } from "../../../src/criteria/index.js";

export const tenureOptionsSchema = z.strictObject({ years: z.number().positive().default(5) }).prefault({});

export interface TenureFeatures {
  /** attributes.tenure per participant, NaN when not given. */
  readonly tenure: Float64Array;
}

export interface TenureEvidence {
  menteeYears: number;
  mentorYears: number;
}

export const tenureCriterion = defineCriterion<"tenure", typeof tenureOptionsSchema, TenureFeatures, TenureEvidence>({
  name: "tenure",
  defaultWeight: 0.2,
  options: tenureOptionsSchema,
  encode({ participants, size }) {
    const tenure = new Float64Array(size).fill(Number.NaN);
    participants.forEach((p, i) => {
      const t = p.attributes?.["tenure"];
      if (typeof t === "number") tenure[i] = t;
    });
    return { tenure };
  },
  kernel({ enc, options }) {
    const { tenure } = enc;
    const years = options.years;
    return (a, cols, out) => {
      const x = tenure[a]!;
      for (let j = 0; j < cols.length; j++) {
        const y = tenure[cols[j]!]!;
        // NaN (no data) when either side gave no tenure.
        out[j] = x !== x || y !== y ? Number.NaN : y <= x ? 0 : Math.min(1, (y - x) / years);
      }
    };
  },
  evidence({ enc, a, b }) {
    const x = enc.tenure[a]!;
    const y = enc.tenure[b]!;
    return Number.isNaN(x) || Number.isNaN(y) ? null : { menteeYears: x, mentorYears: y };
  },
  reasons(ev) {
    const more = ev.mentorYears - ev.menteeYears;
    return more > 0 ? [{ code: "custom", params: { criterion: "tenure", text: `${more} more years at the company` } }] : [];
  },
});
