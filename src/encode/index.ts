export { MODE_BITS, WISH } from "./encode-cohort.js";
export type { EncodedCohort, SharedEncoding, SparseRows } from "./encode-cohort.js";
export { buildVocabulary } from "./vocabulary.js";
export type { Vocabulary } from "./vocabulary.js";
export { CELL_MINUTES, GRID_WORDS, WEEK_CELLS, writeWeeklyGrid, utcMinuteOfWeek } from "./availability-grid.js";
export { localToUtcMs, zoneOffsetMinutes } from "./time-zone.js";
export { popcount32, wordsFor } from "./bitset.js";
