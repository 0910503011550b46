import { isParsedCohort, parseCohort, type Cohort, type Participant } from "../model/index.js";
import { GRID_WORDS, writeWeeklyGrid } from "./availability-grid.js";
import { wordsFor } from "./bitset.js";
import { buildVocabulary, type Vocabulary } from "./vocabulary.js";
import { runSteps, type Steps } from "../steps.js";

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
 * A cohort turned into dense typed arrays, once, so that the pair kernels never touch strings,
 * maps or objects. Participant `p` is `cohort.participants[p]`. Missing numbers are `NaN`
 * (`Float64Array`) or `-1` (`Int32Array`); `has*` flags say whether a participant gave the data.
 *
 * Memory is linear in participants × vocabulary sizes (skills and traits are dense rows).
 * @remarks Since 0.1.0
 */
export interface EncodedCohort {
  /** Number of participants. */
  readonly size: number;
  /** Participant ids in cohort order. */
  readonly ids: readonly string[];
  /** Participant id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Sorted vocabularies (see {@link Vocabulary}). */
  readonly vocabularies: {
    readonly goals: Vocabulary;
    readonly skills: Vocabulary;
    readonly languages: Vocabulary;
    readonly departments: Vocabulary;
    readonly locations: Vocabulary;
    readonly traits: Vocabulary;
    /** Attribute keys used by diversity wishes or aims (`department`, `location`, `level`, or a `diversity` key). */
    readonly attributes: Vocabulary;
    /** Attribute values, written `typeof:value`. */
    readonly attributeValues: Vocabulary;
  };
  /** Words per goal bitset. */
  readonly goalWords: number;
  /** `goalWords × size`, word-major: word w of participant p is `goalBits[w * size + p]`. */
  readonly goalBits: Uint32Array;
  /** Each participant's goals (vocabulary indices) in listed order, duplicates removed. */
  readonly goals: SparseRows;
  /** Rank weight `rankDecay^r` of each entry of `goals.list`. */
  readonly goalWeight: Float64Array;
  /** Sum of a participant's goal rank weights. */
  readonly goalWeightTotal: Float64Array;
  /** Skill vocabulary size. */
  readonly skillCount: number;
  /** `skillCount × size`, skill-major: level of skill s for participant p at `s * size + p`; 0 where not listed. */
  readonly skillLevel: Float64Array;
  /** 1 when the participant lists at least one skill. */
  readonly hasSkills: Uint8Array;
  /** Wanted skills (vocabulary indices) in listed order. */
  readonly wanted: SparseRows;
  /** Target level of each entry of `wanted.list`. */
  readonly wantedTarget: Float64Array;
  /** Trait vocabulary size. */
  readonly traitCount: number;
  /** `traitCount × size`, trait-major: trait t of participant p at `t * size + p`; values in [0, 1], NaN where not given. */
  readonly traits: Float64Array;
  /** 1 = complementary, 0 = similar, per trait (from `criteria.personality`). */
  readonly traitComplementary: Uint8Array;
  /** `GRID_WORDS × size`, word-major: weekly UTC availability bitsets (see `writeWeeklyGrid`). */
  readonly grid: Uint32Array;
  /** 1 when the participant gave at least one slot. */
  readonly hasSlots: Uint8Array;
  /** `availability.hoursPerMonth`, NaN when not given. */
  readonly hoursPerMonth: Float64Array;
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
  /** Attribute vocabulary size. */
  readonly attributeCount: number;
  /** `attributeCount × size`, attribute-major: value index of attribute t for participant p at `t * size + p`; −1 when not given. */
  readonly attributeValue: Int32Array;
  /** Each participant's per-attribute wishes (attribute indices; `any` wishes left out). */
  readonly wishes: SparseRows;
  /** `WISH` code of each entry of `wishes.list`. */
  readonly wishMode: Uint8Array;
  /** Programme diversity aims: attribute indices and `WISH` codes. */
  readonly aimAttribute: Int32Array;
  readonly aimMode: Uint8Array;
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

function sparse(size: number, rows: (p: number) => Iterable<number>): SparseRows {
  const start = new Int32Array(size + 1);
  const all: number[] = [];
  for (let p = 0; p < size; p++) {
    for (const v of rows(p)) all.push(v);
    start[p + 1] = all.length;
  }
  return { start, list: Int32Array.from(all) };
}

function attributeOf(p: Participant, key: string): string | undefined {
  let v: unknown;
  if (key === "department") v = p.department;
  else if (key === "location") v = p.location;
  else if (key === "organisation") v = p.organisation;
  else if (key === "level") v = p.level;
  else v = p.diversity?.[key];
  if (v === undefined || v === null) return undefined;
  return `${typeof v}:${String(v)}`;
}

/**
 * Encodes a validated cohort into an {@link EncodedCohort}. Reads `program.criteria` once:
 * `goals.rankDecay`, `personality` trait modes, `availability.referenceWeek` and
 * `availability.defaultTimeZone`, and `diversity.aims`.
 *
 * Ids in preferences, avoid lists and history that are not in the cohort are ignored, so a
 * two-person cohort built by `scorePair` encodes each person exactly as the full cohort does.
 * @remarks Since 0.1.0
 */
export function encodeCohort(cohort: Cohort): EncodedCohort {
  return runSteps(encodeCohortSteps(isParsedCohort(cohort) ? cohort : parseCohort(cohort)));
}

/** Participants encoded between two checkpoints of the availability pass (the costliest one). */
const AVAILABILITY_STEP = 256;

/**
 * {@link encodeCohort} as a resumable computation (see `src/steps.ts`): it yields between its
 * passes over the participants, and inside the availability pass, so `match()` never encodes a
 * large cohort in one blocking call.
 * @internal
 */
export function* encodeCohortSteps(cohort: Cohort): Steps<EncodedCohort> {
  const { participants, program } = cohort;
  const opts = program.criteria;
  const size = participants.length;
  const ids = participants.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });

  const goalsV = buildVocabulary(participants.flatMap((p) => p.goals ?? []));
  const skillsV = buildVocabulary(participants.flatMap((p) => [...Object.keys(p.skills ?? {}), ...Object.keys(p.wantedSkills ?? {})]));
  const languagesV = buildVocabulary(participants.flatMap((p) => p.languages ?? []));
  const departmentsV = buildVocabulary(participants.flatMap((p) => (p.department === undefined ? [] : [p.department])));
  const locationsV = buildVocabulary(participants.flatMap((p) => (p.location === undefined ? [] : [p.location])));
  const traitsV = buildVocabulary(participants.flatMap((p) => Object.keys(p.personality ?? {})));
  const aims = Object.entries(opts.diversity.aims);
  const attributesV = buildVocabulary([
    ...aims.map(([k]) => k),
    ...participants.flatMap((p) => Object.entries(p.preferences?.attributes ?? {}).filter(([, w]) => w !== "any").map(([k]) => k)),
  ]);
  const valueStrings: string[] = [];
  for (const p of participants) for (const key of attributesV.terms) {
    const v = attributeOf(p, key);
    if (v !== undefined) valueStrings.push(v);
  }
  const valuesV = buildVocabulary(valueStrings);

  yield;
  // Goals.
  const goalWords = wordsFor(goalsV.terms.length);
  const goalBits = new Uint32Array(size * goalWords);
  const goalLists = participants.map((p) => [...new Set(p.goals ?? [])].map((g) => goalsV.index.get(g)!));
  const goals = sparse(size, (p) => goalLists[p]!);
  const goalWeight = new Float64Array(goals.list.length);
  const goalWeightTotal = new Float64Array(size);
  const decay = opts.goals.rankDecay;
  for (let p = 0; p < size; p++) {
    let total = 0;
    for (let k = goals.start[p]!, r = 0; k < goals.start[p + 1]!; k++, r++) {
      const g = goals.list[k]!;
      const at = (g >>> 5) * size + p;
      goalBits[at] = (goalBits[at]! | (1 << (g & 31))) >>> 0;
      const w = r === 0 ? 1 : Math.pow(decay, r);
      goalWeight[k] = w;
      total += w;
    }
    goalWeightTotal[p] = total;
  }

  yield;
  // Skills.
  const skillCount = skillsV.terms.length;
  const skillLevel = new Float64Array(size * skillCount);
  const hasSkills = new Uint8Array(size);
  participants.forEach((p, i) => {
    for (const [name, level] of Object.entries(p.skills ?? {})) {
      skillLevel[skillsV.index.get(name)! * size + i] = level;
      hasSkills[i] = 1;
    }
  });
  const wantedEntries = participants.map((p) => Object.entries(p.wantedSkills ?? {}));
  const wanted = sparse(size, (p) => wantedEntries[p]!.map(([name]) => skillsV.index.get(name)!));
  const wantedTarget = Float64Array.from(wantedEntries.flatMap((e) => e.map(([, t]) => t)));

  yield;
  // Personality.
  const traitCount = traitsV.terms.length;
  const traits = new Float64Array(size * traitCount).fill(Number.NaN);
  participants.forEach((p, i) => {
    for (const [name, v] of Object.entries(p.personality ?? {})) traits[traitsV.index.get(name)! * size + i] = v;
  });
  const traitComplementary = Uint8Array.from(traitsV.terms, (t) => ((opts.personality.traits[t] ?? opts.personality.default) === "complementary" ? 1 : 0));

  yield;
  // Availability, modes, location.
  const grid = new Uint32Array(size * GRID_WORDS);
  const own = new Uint32Array(GRID_WORDS);
  const hasSlots = new Uint8Array(size);
  const hoursPerMonth = new Float64Array(size).fill(Number.NaN);
  const modes = new Uint8Array(size);
  const location = new Int32Array(size).fill(-1);
  const encodeAvailability = (p: Participant, i: number): void => {
    const slots = p.availability?.slots ?? [];
    if (slots.length > 0) {
      own.fill(0);
      writeWeeklyGrid(slots, p.timezone ?? opts.availability.defaultTimeZone, opts.availability.referenceWeek, own, 0);
      for (let w = 0; w < GRID_WORDS; w++) grid[w * size + i] = own[w]!;
      hasSlots[i] = 1;
    }
    const hours = p.availability?.hoursPerMonth;
    if (hours !== undefined) hoursPerMonth[i] = hours;
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
  // Diversity.
  const attributeCount = attributesV.terms.length;
  const attributeValue = new Int32Array(size * attributeCount).fill(-1);
  participants.forEach((p, i) => {
    attributesV.terms.forEach((key, a) => {
      const v = attributeOf(p, key);
      if (v !== undefined) attributeValue[a * size + i] = valuesV.index.get(v)!;
    });
  });
  const wishEntries = participants.map((p) =>
    Object.entries(p.preferences?.attributes ?? {})
      .filter(([, w]) => w !== "any")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const wishes = sparse(size, (p) => wishEntries[p]!.map(([k]) => attributesV.index.get(k)!));
  const wishMode = Uint8Array.from(wishEntries.flatMap((e) => e.map(([, w]) => WISH[w as "same" | "different"])));
  const sortedAims = aims.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const aimAttribute = Int32Array.from(sortedAims, ([k]) => attributesV.index.get(k)!);
  const aimMode = Uint8Array.from(sortedAims, ([, w]) => WISH[w]);

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
    vocabularies: { goals: goalsV, skills: skillsV, languages: languagesV, departments: departmentsV, locations: locationsV, traits: traitsV, attributes: attributesV, attributeValues: valuesV },
    goalWords,
    goalBits,
    goals,
    goalWeight,
    goalWeightTotal,
    skillCount,
    skillLevel,
    hasSkills,
    wanted,
    wantedTarget,
    traitCount,
    traits,
    traitComplementary,
    grid,
    hasSlots,
    hoursPerMonth,
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
    attributeCount,
    attributeValue,
    wishes,
    wishMode,
    aimAttribute,
    aimMode,
    ranked,
    rankedRank,
    rankedBy,
    rankedByRank,
    hasRanked,
    avoid,
    history,
  };
}
