import type { BuiltinFeatures } from "../criteria/registry.js";
import type { Cohort, Participant } from "../model/index.js";
import { GRID_WORDS, writeWeeklyGrid } from "./availability-grid.js";
import { wordsFor } from "./bitset.js";
import { sparseRows as sparse } from "./sparse-rows.js";
import { buildVocabulary, type Vocabulary } from "./vocabulary.js";
import type { Steps } from "../steps.js";

/**
 * Meeting-mode bits in {@link EncodedCohort.modes}.
 * @remarks Since 0.1.0
 */
export const MODE_BITS = { "in-person": 1, virtual: 2, hybrid: 4 } as const;

/**
 * Wish codes in {@link EncodedCohort.wishMode}: 1 = same, 2 = different.
 * @remarks Since 0.1.0
 */
export const WISH = { same: 1, different: 2 } as const;

/** Compressed sparse rows: the entries of participant `p` are `list[start[p] .. start[p + 1])`. */
export interface SparseRows {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/**
 * The encodings every stage shares, whatever criteria are scored: ids, the weekly availability
 * grids, meeting modes and locations (read by the availability criterion and rules alike),
 * languages, departments, organisations, levels, reporting lines, ranked preferences, avoid lists
 * and history. Missing numbers are `NaN` (`Float64Array`) or `-1` (`Int32Array`); `has*` flags
 * say whether a participant gave the data.
 * @remarks Since 0.2.0 (the fields since 0.1.0)
 */
export interface SharedEncoding {
  /** Number of participants. */
  readonly size: number;
  /** Participant ids in cohort order. */
  readonly ids: readonly string[];
  /** Participant id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Sorted vocabularies (see {@link Vocabulary}); criteria add their own (goals, skills, traits, attributes, …). */
  readonly vocabularies: {
    readonly languages: Vocabulary;
    readonly departments: Vocabulary;
    readonly locations: Vocabulary;
  };
  /** `GRID_WORDS × size`, word-major: weekly UTC availability bitsets (see `writeWeeklyGrid`). */
  readonly grid: Uint32Array;
  /** 1 when the participant gave at least one slot. */
  readonly hasSlots: Uint8Array;
  /** Meeting modes as `MODE_BITS`; 0 = not given. */
  readonly modes: Uint8Array;
  /** Location index, −1 when not given. */
  readonly location: Int32Array;
  /** Words per language bitset. */
  readonly languageWords: number;
  /** `languageWords × size`, word-major: languages spoken. */
  readonly languageBits: Uint32Array;
  /** 1 when the participant lists at least one language. */
  readonly hasLanguages: Uint8Array;
  /** Department index, −1 when not given. */
  readonly department: Int32Array;
  /** Organisation index (in order of first appearance), −1 when not given. @remarks Since 0.2.0 */
  readonly organisation: Int32Array;
  /** Level, −1 when not given. */
  readonly level: Int32Array;
  /** Key of the participant's own id among people ids (participants and managers). */
  readonly personKey: Int32Array;
  /** Key of the participant's manager, −1 when not given. */
  readonly managerKey: Int32Array;
  /** Ranked preferences (participant indices, best first; unknown ids left out, positions kept in `rankedRank`). */
  readonly ranked: SparseRows;
  /** 0-based rank of each entry of `ranked.list` in the participant's own list. */
  readonly rankedRank: Int32Array;
  /** Who ranks participant `p`: `rankedBy.list` holds the rankers, `rankedByRank` the rank they gave. */
  readonly rankedBy: SparseRows;
  readonly rankedByRank: Int32Array;
  /** 1 when the participant gave a non-empty ranked list. */
  readonly hasRanked: Uint8Array;
  /** Avoid lists (participant indices). */
  readonly avoid: SparseRows;
  /** Past partners (participant indices). */
  readonly history: SparseRows;
}

/**
 * A cohort turned into dense typed arrays, once, so that the pair kernels never touch strings,
 * maps or objects: the {@link SharedEncoding} plus the features each built-in criterion encodes
 * (see `BUILTIN_CRITERIA`: goal bitsets, skill levels, traits, monthly hours, diversity
 * attributes). Participant `p` is `cohort.participants[p]`.
 *
 * Memory is linear in participants × vocabulary sizes (skills and traits are dense rows).
 * @remarks Since 0.1.0; since 0.2.0 its criterion fields are declared by the criterion modules
 */
export type EncodedCohort = SharedEncoding & BuiltinFeatures;

/** Participants encoded between two checkpoints of the availability pass (the costliest one). */
const AVAILABILITY_STEP = 256;

/**
 * The {@link SharedEncoding} of a validated cohort as a resumable computation (see
 * `src/steps.ts`): it yields between its passes over the participants, and inside the
 * availability pass. `encodeCohort` adds each criterion's features to it.
 * @internal
 */
export function* encodeSharedSteps(cohort: Cohort): Steps<SharedEncoding> {
  const { participants, program } = cohort;
  const availability = program.criteria.availability;
  const size = participants.length;
  const ids = participants.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });

  const languagesV = buildVocabulary(participants.flatMap((p) => p.languages ?? []));
  const departmentsV = buildVocabulary(participants.flatMap((p) => (p.department === undefined ? [] : [p.department])));
  const locationsV = buildVocabulary(participants.flatMap((p) => (p.location === undefined ? [] : [p.location])));

  yield;
  // Availability, modes, location.
  const grid = new Uint32Array(size * GRID_WORDS);
  const own = new Uint32Array(GRID_WORDS);
  const hasSlots = new Uint8Array(size);
  const modes = new Uint8Array(size);
  const location = new Int32Array(size).fill(-1);
  const encodeAvailability = (p: Participant, i: number): void => {
    const slots = p.availability?.slots ?? [];
    if (slots.length > 0) {
      own.fill(0);
      writeWeeklyGrid(slots, p.timezone ?? availability.defaultTimeZone, availability.referenceWeek, own, 0);
      for (let w = 0; w < GRID_WORDS; w++) grid[w * size + i] = own[w]!;
      hasSlots[i] = 1;
    }
    for (const m of p.availability?.modes ?? []) modes[i] = modes[i]! | MODE_BITS[m];
    if (p.location !== undefined) location[i] = locationsV.index.get(p.location)!;
  };
  for (let i = 0; i < size; i++) {
    encodeAvailability(participants[i]!, i);
    if (i % AVAILABILITY_STEP === AVAILABILITY_STEP - 1) yield;
  }

  yield;
  // Languages, department, level, reporting line.
  const languageWords = wordsFor(languagesV.terms.length);
  const languageBits = new Uint32Array(size * languageWords);
  const hasLanguages = new Uint8Array(size);
  const department = new Int32Array(size).fill(-1);
  const level = new Int32Array(size).fill(-1);
  const organisation = new Int32Array(size).fill(-1);
  const organisations = new Map<string, number>();
  const personKey = new Int32Array(size);
  const managerKey = new Int32Array(size).fill(-1);
  const people = new Map<string, number>();
  const keyOf = (id: string) => {
    let k = people.get(id);
    if (k === undefined) people.set(id, (k = people.size));
    return k;
  };
  participants.forEach((p, i) => {
    for (const l of p.languages ?? []) {
      const l2 = languagesV.index.get(l)!;
      const at = (l2 >>> 5) * size + i;
      languageBits[at] = (languageBits[at]! | (1 << (l2 & 31))) >>> 0;
      hasLanguages[i] = 1;
    }
    if (p.department !== undefined) department[i] = departmentsV.index.get(p.department)!;
    if (p.level !== undefined) level[i] = p.level;
    if (p.organisation !== undefined) {
      let o = organisations.get(p.organisation);
      if (o === undefined) organisations.set(p.organisation, (o = organisations.size));
      organisation[i] = o;
    }
    personKey[i] = keyOf(p.id);
  });
  participants.forEach((p, i) => {
    if (p.managerId !== undefined) managerKey[i] = keyOf(p.managerId);
  });

  yield;
  // Preferences, avoid, history.
  const rankedPairs = participants.map((p) => {
    const out: [number, number][] = [];
    (p.preferences?.ranked ?? []).forEach((id, r) => {
      const q = index.get(id);
      if (q !== undefined) out.push([q, r]);
    });
    return out;
  });
  const ranked = sparse(size, (p) => rankedPairs[p]!.map(([q]) => q));
  const rankedRank = Int32Array.from(rankedPairs.flatMap((l) => l.map(([, r]) => r)));
  const inverse: [number, number][][] = Array.from({ length: size }, () => []);
  rankedPairs.forEach((l, p) => l.forEach(([q, r]) => inverse[q]!.push([p, r])));
  const rankedBy = sparse(size, (p) => inverse[p]!.map(([q]) => q));
  const rankedByRank = Int32Array.from(inverse.flatMap((l) => l.map(([, r]) => r)));
  const hasRanked = Uint8Array.from(participants, (p) => ((p.preferences?.ranked.length ?? 0) > 0 ? 1 : 0));
  const known = (list: readonly string[]) => list.map((id) => index.get(id)).filter((q): q is number => q !== undefined);
  const avoid = sparse(size, (p) => known(participants[p]!.preferences?.avoid ?? []));
  const history = sparse(size, (p) => known(participants[p]!.history));
  yield;

  return {
    size,
    ids,
    index,
    vocabularies: { languages: languagesV, departments: departmentsV, locations: locationsV },
    grid,
    hasSlots,
    modes,
    location,
    languageWords,
    languageBits,
    hasLanguages,
    department,
    organisation,
    level,
    personKey,
    managerKey,
    ranked,
    rankedRank,
    rankedBy,
    rankedByRank,
    hasRanked,
    avoid,
    history,
  };
}
