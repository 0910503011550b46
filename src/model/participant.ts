import * as z from "zod";
import { DAYS, MODES, id, isTimeOfDay, label, minutesOfDay, safeRecord, timeOfDay, timeZone } from "./primitives.js";

/**
 * One weekly availability slot in the participant's own time zone.
 * `end` must be after `start`, or `24:00` for the end of the day. A slot that runs past midnight
 * sets `overnight: true` and then ends at `end` on the following day (e.g. `fri 22:00–01:00`).
 */
export const slotSchema = z
  .strictObject({
    /** Day of the week: `mon` … `sun`. */
    day: z.enum(DAYS),
    /** Start time, `HH:MM` (24-hour) in the participant's time zone. */
    start: timeOfDay,
    /** End time, `HH:MM`, after `start` (`24:00` ends the day), or on the next day when `overnight`. */
    end: timeOfDay,
    /** The slot runs past midnight and ends at `end` on the next day. Default: false. */
    overnight: z.boolean().optional(),
  })
  .superRefine((slot, ctx) => {
    if (!isTimeOfDay(slot.start) || !isTimeOfDay(slot.end)) return;
    const s = minutesOfDay(slot.start);
    const e = minutesOfDay(slot.end);
    if (s === 1440) {
      ctx.addIssue({ code: "custom", path: ["start"], message: `"24:00" cannot start a slot; use "00:00" of the next day`, params: { code: "invalid-time" }, input: slot.start });
      return;
    }
    if (slot.overnight) {
      if (e > s) ctx.addIssue({ code: "custom", path: ["end"], message: `overnight slot must end (next day) before its start ${slot.start}; got ${slot.end}`, params: { code: "invalid-slot" }, input: slot.end });
    } else if (e <= s) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `ends at ${slot.end}, not after its start ${slot.start}; set "overnight": true for a slot that runs past midnight`,
        params: { code: "end-before-start" },
        input: slot.end,
      });
    }
  });
/** An availability slot after validation. */
export type Slot = z.output<typeof slotSchema>;

/** Weekly availability: slots in the participant's own time zone, monthly hours, meeting modes. */
export const availabilitySchema = z.strictObject({
  /** Weekly slots in the participant's own time zone. Default: none. */
  slots: z.array(slotSchema).max(200).default([]),
  /** Hours a month the participant can give to the programme. */
  hoursPerMonth: z.number().min(0).max(744).optional(),
  /** Meeting modes they accept: `in-person`, `virtual`, `hybrid`. */
  modes: z.array(z.enum(MODES)).min(1).max(3).optional(),
});
/** Availability after validation, with defaults applied. */
export type Availability = z.output<typeof availabilitySchema>;

/** Ranked wishes, people to avoid, and per-attribute wishes ("same", "different", "any"). */
export const preferencesSchema = z.strictObject({
  /** Ids of people they would like, best first. Default: none. */
  ranked: z.array(id).max(1000).default([]),
  /** Ids of people they must not be matched with (a hard rule with `rules.respectAvoid`). Default: none. */
  avoid: z.array(id).max(1000).default([]),
  /** Per-attribute wishes about the partner (`department: "different"`): `same`, `different` or `any`. Default: none. */
  attributes: safeRecord(z.enum(["same", "different", "any"]), 100).default({}),
});
/** Preferences after validation, with defaults applied. */
export type Preferences = z.output<typeof preferencesSchema>;

const skillLevel = z.number().min(0).max(5);
const jsonScalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

/**
 * A programme participant. Only `id` and `role` are required; every other field is optional and a
 * criterion without data is left out of a pair's score rather than guessed.
 * Unknown keys are rejected (a misspelt `wantedSkils` is an error); put custom data in `attributes`.
 * @remarks Since 0.1.0
 */
export const participantSchema = z.strictObject({
  /** Unique id within the cohort (any string, `"__proto__"` included). */
  id,
  /** Display name, used in reports and sentences. */
  name: z.string().max(500).optional(),
  /** `mentor`, `mentee`, or `both` (may be matched on either side; peers in peer programmes). */
  role: z.enum(["mentor", "mentee", "both"]),
  /** Career stage as an integer; higher is more senior (level-gap rules read it). */
  level: z.int().min(0).max(100).optional(),
  /** Department; department rules, diversity aims, quotas and group mix rules read it. */
  department: label.optional(),
  /**
   * The organisation the participant belongs to, for programmes that run across several companies.
   * Optional; the `rules.organisation` rule, quotas (`{ field: "organisation" }`) and explanation
   * scoping (`explain.crossOrganisation`) read it.
   * @remarks Since 0.2.0
   */
  organisation: label.optional(),
  /** Id of the participant's manager (may be someone outside the cohort); the reporting-line rule reads it. */
  managerId: id.optional(),
  /** Where they work (city or site); in-person meetings need the same location. */
  location: label.optional(),
  /** IANA time zone (`Europe/Madrid`), checked with `Intl`; availability slots are in it. */
  timezone: timeZone.optional(),
  /** Languages they can mentor or be mentored in; the shared-language rule reads them. */
  languages: z.array(label).max(50).optional(),
  /** Goal tags: what a mentee wants, what a mentor can help with. The first listed weigh more. */
  goals: z.array(label).max(100).optional(),
  /** Skills they can teach: name → level 0–5. */
  skills: safeRecord(skillLevel).optional(),
  /** Skills they want to learn: name → target level 0–5. */
  wantedSkills: safeRecord(skillLevel).optional(),
  /** Personality traits in [0, 1] (e.g. the Big Five), compared per the programme's `criteria.personality`. */
  personality: safeRecord(z.number().min(0).max(1), 50).optional(),
  /** Weekly slots, monthly hours and meeting modes. */
  availability: availabilitySchema.optional(),
  /** Self-described attributes (sensitive): never shown in explanations unless `explain.includeSensitive`. */
  diversity: safeRecord(jsonScalar, 50).optional(),
  /** Ranked wishes, people to avoid, and per-attribute wishes. */
  preferences: preferencesSchema.optional(),
  /** Most mentees (or group seats) a mentor takes. Default 1; in group programmes `group.size.max`. */
  capacity: z.int().min(0).max(10_000).default(1),
  /** Fewest mentees a mentor should get (met when possible). Default: 0. */
  minCapacity: z.int().min(0).max(10_000).default(0),
  /** Ids they were already paired with (no repeats with `rules.noRepeats`; rotations avoid them). Default: none. */
  history: z.array(id).max(10_000).default([]),
  /** Matched first under the `priority` objective. Default: false. */
  priority: z.boolean().default(false),
  /** Free data for custom criteria and selectors (`attributes.<key>`). */
  attributes: safeRecord(z.unknown()).optional(),
});

/** A participant after validation, with defaults applied. */
export type Participant = z.output<typeof participantSchema>;
/** A participant as written by the caller (defaults optional). */
export type ParticipantInput = z.input<typeof participantSchema>;
