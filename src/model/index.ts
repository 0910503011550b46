export * from "./primitives.js";
export * from "./participant.js";
export * from "./program.js";
export * from "./cohort.js";
export * from "./csv.js";
