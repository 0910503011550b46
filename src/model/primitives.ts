/**
 * Schema primitives (times of day, time zones, ids, labels, records without `__proto__`), kept in
 * `src/primitives.ts` below every folder so that criteria and encoders can use them without
 * importing the model (no folder cycle).
 */
export * from "../primitives.js";
