import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cohortJsonSchema } from "../../src/model/cohort.js";
import { availabilitySchema, participantSchema, preferencesSchema, slotSchema } from "../../src/model/participant.js";
import { DAYS, MODES } from "../../src/model/primitives.js";
import { FORMATS, programSchema, rulesSchema } from "../../src/model/program.js";

type Schema = Record<string, unknown>;

/**
 * A deliberately small JSON Schema checker, independent of zod and of any validator library.
 * It knows the keywords below and refuses any other, so a schema that grows a keyword it cannot
 * check fails this test instead of passing vacuously. Returns the paths of every violation.
 */
const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default"]);
const KEYWORDS = new Set(["type", "required", "enum", "properties", "additionalProperties", "items", "minimum", "maximum", "pattern", "minLength", "maxLength", "minItems", "maxItems", "propertyNames", "anyOf"]);

function typeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["number", "integer"] : ["number"];
  return [typeof value];
}

function check(schema: Schema, value: unknown, path: string, errors: string[]): void {
  for (const key of Object.keys(schema)) if (!ANNOTATIONS.has(key) && !KEYWORDS.has(key)) throw new Error(`checker does not know keyword ${key} at ${path}`);
  const fail = (what: string): void => {
    errors.push(`${path}: ${what}`);
  };
  if (schema.type !== undefined) {
    const allowed = [schema.type].flat() as string[];
    if (!typeOf(value).some((t) => allowed.includes(t))) return fail(`expected ${allowed.join("|")}`);
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).some((v) => v === value)) fail(`not in enum ${JSON.stringify(schema.enum)}`);
  if (schema.anyOf !== undefined) {
    const ok = (schema.anyOf as Schema[]).some((s) => {
      const sub: string[] = [];
      check(s, value, path, sub);
      return sub.length === 0;
    });
    if (!ok) fail("matches no anyOf branch");
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) fail(`below minimum ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) fail(`above maximum ${schema.maximum}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.minLength === "number" && length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items !== undefined) value.forEach((v, i) => check(schema.items as Schema, v, `${path}[${i}]`, errors));
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(object, key)) fail(`missing required ${key}`);
    for (const [key, v] of Object.entries(object)) {
      if (schema.propertyNames !== undefined) check(schema.propertyNames as Schema, key, `${path}{${key}}`, errors);
      if (Object.hasOwn(properties, key)) check(properties[key]!, v, `${path}.${key}`, errors);
      else if (schema.additionalProperties === false) fail(`unexpected property ${key}`);
      else if (typeof schema.additionalProperties === "object") check(schema.additionalProperties as Schema, v, `${path}.${key}`, errors);
    }
  }
}

function validate(schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(schema, value, "$", errors);
  return errors;
}

const schema = cohortJsonSchema();
const sample = JSON.parse(readFileSync(new URL("../../examples/cohort.json", import.meta.url), "utf8")) as { participants: Record<string, unknown>[]; program: Record<string, unknown> };
const props = (s: unknown) => (s as { properties: Record<string, Schema> }).properties;
const participantJson = (props(schema).participants as { items: Schema }).items;
const slotJson = (props(props(participantJson).availability).slots as { items: Schema }).items;
const programJson = props(schema).program!;

/** The fields zod requires on input: those that reject `undefined` (neither optional nor defaulted). */
function zodRequired(shape: Record<string, { safeParse(v: unknown): { success: boolean } }>): string[] {
  return Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
}

describe("cohortJsonSchema against examples/cohort.json (independent mini checker)", () => {
  it("accepts the committed sample cohort", () => {
    expect(validate(schema, sample)).toEqual([]);
  });

  it("rejects mutations of the sample that parseCohort would also reject", () => {
    const mutate = (f: (c: typeof sample) => void) => {
      const copy = structuredClone(sample);
      f(copy);
      return validate(schema, copy);
    };
    expect(mutate((c) => (c.participants[0]!.wantedSkils = {}))).toEqual(["$.participants[0]: unexpected property wantedSkils"]);
    expect(mutate((c) => (c.participants[0]!.role = "boss"))).toHaveLength(1);
    expect(mutate((c) => delete c.participants[1]!.id)).toEqual(["$.participants[1]: missing required id"]);
    expect(mutate((c) => (c.participants[0]!.capacity = -1))).toEqual(["$.participants[0].capacity: below minimum 0"]);
    expect(mutate((c) => (c.participants[0]!.level = 2.5))).toEqual(["$.participants[0].level: expected integer"]);
    expect(
      mutate((c) => {
        (c.participants[0]!.availability as { slots: unknown[] }).slots[0] = { day: "monday", start: "25:00", end: "10:00" };
      }),
    ).toHaveLength(2);
    expect(mutate((c) => ((c.program.rules as Record<string, unknown>).levelGap = null))).toEqual([]);
    expect(mutate((c) => ((c.program.rules as Record<string, unknown>).levelGap = "1"))).toEqual(["$.program.rules.levelGap: matches no anyOf branch"]);
  });
});

describe("cohortJsonSchema agrees with the zod schemas", () => {
  it("has the same enums", () => {
    expect(props(participantJson).role!.enum).toEqual(participantSchema.shape.role.options);
    expect(props(slotJson).day!.enum).toEqual([...DAYS]);
    expect((props(props(participantJson).availability).modes as { items: Schema }).items.enum).toEqual([...MODES]);
    expect(props(programJson).format!.enum).toEqual([...FORMATS]);
    expect(props(programJson).format!.enum).toEqual(programSchema.shape.format.unwrap().options);
    expect(props(props(programJson).rules).department!.enum).toEqual(rulesSchema.shape.department.unwrap().options);
  });

  it("has the same properties and required fields, and closes strict objects", () => {
    const pairs: [Schema, Record<string, { safeParse(v: unknown): { success: boolean } }>][] = [
      [participantJson, participantSchema.shape],
      [slotJson, slotSchema.shape],
      [props(participantJson).availability!, availabilitySchema.shape],
      [props(participantJson).preferences!, preferencesSchema.shape],
      [programJson, programSchema.shape],
      [props(programJson).rules!, rulesSchema.shape],
    ];
    for (const [json, shape] of pairs) {
      expect(Object.keys(props(json)).sort()).toEqual(Object.keys(shape).sort());
      expect(((json.required ?? []) as string[]).slice().sort()).toEqual(zodRequired(shape).sort());
      expect(json.additionalProperties).toBe(false);
    }
    expect(participantJson.required).toEqual(["id", "role"]);
    expect(schema.required).toEqual(["participants"]);
  });
});

describe("schema/cohort.schema.json", () => {
  it("is the committed output of cohortJsonSchema() (run `npm run build` and commit it when this fails)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/cohort.schema.json", import.meta.url), "utf8")) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });
});
