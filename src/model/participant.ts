import * as z from "zod";
import { DAYS, MODES, id, isTimeOfDay, label, minutesOfDay, safeRecord, timeOfDay, timeZone } from "./primitives.js";

/**
 * One weekly availability slot in the participant's own time zone.
 * `end` must be after `start`, or `24:00` for the end of the day. A slot that runs past midnight
 * sets `overnight: true` and then ends at `end` on the following day (e.g. `fri 22:00–01:00`).
 */
export const slotSchema = z
  .strictObject({
    day: z.enum(DAYS),
    start: timeOfDay,
    end: timeOfDay,
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
export type Slot = z.output<typeof slotSchema>;

/** Weekly availability: slots in the participant's own time zone, monthly hours, meeting modes. */
export const availabilitySchema = z.strictObject({
  slots: z.array(slotSchema).max(200).default([]),
  hoursPerMonth: z.number().min(0).max(744).optional(),
  modes: z.array(z.enum(MODES)).min(1).max(3).optional(),
});
export type Availability = z.output<typeof availabilitySchema>;

/** Ranked wishes, people to avoid, and per-attribute wishes ("same", "different", "any"). */
export const preferencesSchema = z.strictObject({
  ranked: z.array(id).max(1000).default([]),
  avoid: z.array(id).max(1000).default([]),
  attributes: safeRecord(z.enum(["same", "different", "any"]), 100).default({}),
});
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
  id,
  name: z.string().max(500).optional(),
  role: z.enum(["mentor", "mentee", "both"]),
  level: z.int().min(0).max(100).optional(),
  department: label.optional(),
  /**
   * The organisation the participant belongs to, for programmes that run across several companies.
   * Optional; the `rules.organisation` rule, quotas (`{ field: "organisation" }`) and explanation
   * scoping (`explain.crossOrganisation`) read it.
   * @remarks Since 0.2.0
   */
  organisation: label.optional(),
  managerId: id.optional(),
  location: label.optional(),
  timezone: timeZone.optional(),
  languages: z.array(label).max(50).optional(),
  goals: z.array(label).max(100).optional(),
  skills: safeRecord(skillLevel).optional(),
  wantedSkills: safeRecord(skillLevel).optional(),
  personality: safeRecord(z.number().min(0).max(1), 50).optional(),
  availability: availabilitySchema.optional(),
  diversity: safeRecord(jsonScalar, 50).optional(),
  preferences: preferencesSchema.optional(),
  /** Most mentees (or group seats) a mentor takes. Default 1; in group programmes `group.size.max`. */
  capacity: z.int().min(0).max(10_000).default(1),
  minCapacity: z.int().min(0).max(10_000).default(0),
  history: z.array(id).max(10_000).default([]),
  priority: z.boolean().default(false),
  attributes: safeRecord(z.unknown()).optional(),
});

/** A participant after validation, with defaults applied. */
export type Participant = z.output<typeof participantSchema>;
/** A participant as written by the caller (defaults optional). */
export type ParticipantInput = z.input<typeof participantSchema>;
