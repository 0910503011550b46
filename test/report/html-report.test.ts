import { describe, expect, it } from "vitest";
import { MatchInputError, auditResult, match, toHtmlReport, type CohortInput } from "../../src/index.js";
import { escapeHtml } from "../../src/report/html-escape.js";

function cohortWithGenders(includeSensitive: boolean): CohortInput {
  // 6 "Alpha" and 6 "Beta" mentees (shown when opted in), 3 "Rare" (a group under 5: never shown).
  const genders = [...Array(6).fill("Alpha"), ...Array(6).fill("Beta"), ...Array(3).fill("Rare")] as string[];
  return {
    participants: [
      ...genders.map((g, k) => ({ id: `e${k}`, name: `Mentee ${k}`, role: "mentee" as const, department: k % 2 ? "Ops" : "Eng", goals: ["a"], diversity: { gender: g } })),
      ...Array.from({ length: 5 }, (_, k) => ({ id: `m${k}`, name: `Mentor ${k}`, role: "mentor" as const, department: "Eng", capacity: 3, goals: ["a"] })),
    ],
    program: { name: "Pilot", explain: { includeSensitive } },
  };
}

describe("toHtmlReport", () => {
  it("escapes &, <, >, quotes and apostrophes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("never writes a participant's string raw, and references nothing outside the file", async () => {
    const evil = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `' autofocus onfocus='alert(1)`, `R&D <b>`];
    const cohort: CohortInput = {
      participants: evil.flatMap((name, k) => [
        { id: `e${k}`, name, role: "mentee" as const, department: name, goals: ["x"] },
        { id: `m${k}<`, name: `${name}!`, role: "mentor" as const, department: name, goals: ["x"] },
      ]),
      program: { name: `<script>document.title</script>` },
    };
    const html = toHtmlReport(await match(cohort), cohort);
    for (const s of evil) {
      expect(html).not.toContain(s);
      expect(html).toContain(escapeHtml(s));
    }
    expect(html.match(/<script/g)?.length).toBe(1);
    // No src, no external href or url(), no @import: only in-page anchors and the SVG namespace.
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc\s*=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith("#"))).toBe(true);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(/https?:\/\//);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });

  it("has every section, with the summary figures of the result", async () => {
    const cohort = cohortWithGenders(false);
    const result = await match(cohort);
    const html = toHtmlReport(result, cohort);
    for (const id of ["summary", "distribution", "criteria", "load", "groups", "unmatched", "matches"]) expect(html).toContain(`<section id="${id}"`);
    expect(html).toContain(`${(result.stats.coverage * 100).toFixed(1)} %`);
    expect(html).toContain(result.stats.mean.toFixed(3));
    expect(html).toContain(result.stats.solver);
    // One table row per match, each with its mentee's name.
    const table = html.slice(html.indexOf('id="match-table"'));
    expect(table.match(/<tr>/g)!.length - 1).toBe(result.matches.length);
    for (const m of result.matches) expect(table).toContain(`Mentee ${m.menteeIds[0]!.slice(1)}`);
    // Mentor load: 15 mentees over 15 seats → every seat used.
    expect(html).toContain("15 of 15 seats used (100.0 %)");
  });

  it("shows a diversity breakdown only when the programme opts in, and never a group under 5", async () => {
    const hidden = cohortWithGenders(false);
    const off = toHtmlReport(await match(hidden), hidden, { groupBy: ["diversity.gender"] });
    expect(off).toContain("Breakdown by diversity.gender not shown");
    for (const g of ["Alpha", "Beta", "Rare"]) expect(off).not.toContain(g);

    const shown = cohortWithGenders(true);
    const result = await match(shown);
    const on = toHtmlReport(result, shown, { groupBy: ["diversity.gender"] });
    expect(on).toContain("By diversity.gender");
    expect(on).toContain(">Alpha ");
    expect(on).toContain(">Beta ");
    expect(on).not.toContain("Rare");

    // An audit on a diversity field handed in without the opt-in is left out too.
    const audit = auditResult(result, shown, { groupBy: "diversity.gender" });
    const withAudit = toHtmlReport(await match(hidden), hidden, { audit: [audit] });
    expect(withAudit).toContain("Audit by diversity.gender not shown");
    expect(withAudit).not.toContain("Alpha");
    expect(toHtmlReport(result, shown, { audit: [audit] })).toContain('<section id="audit"');
  });

  it("rejects a result or cohort of the wrong shape and a bad groupBy", async () => {
    const cohort = cohortWithGenders(false);
    const result = await match(cohort);
    expect(() => toHtmlReport({} as never, cohort)).toThrow(MatchInputError);
    expect(() => toHtmlReport(result, cohort, { groupBy: "department" as never })).toThrow(MatchInputError);
    expect(() => toHtmlReport(result, cohort, { groupBy: ["shoe size"] })).toThrow(MatchInputError);
  });
});

describe("exports of every format", () => {
  it("toRows, toCsv and toHtmlReport handle one-on-one, reverse, peer, flash, group and rotational results", async () => {
    const { generateCohort, toCsv, toRows } = await import("../../src/index.js");
    for (const format of ["one-on-one", "reverse", "peer", "flash", "group", "rotational"] as const) {
      const cohort = generateCohort({ mentees: 10, mentors: 4, seed: 9, format });
      const result = await match(cohort);
      const rows = toRows(result, cohort);
      // A row per pair or member: as many as the pairs inside the matches.
      const pairs = result.matches.reduce((s, m) => s + (m.members?.length ? m.members.length : m.mentorIds.length === 0 && m.menteeIds.length === 2 ? 1 : m.menteeIds.length), 0);
      expect(rows.length, format).toBe(pairs);
      expect(toCsv(result, cohort).split("\r\n").length - 2, format).toBe(rows.length);
      const html = toHtmlReport(result, cohort);
      expect(html.slice(html.indexOf('id="match-table"')).match(/<tr>/g)!.length - 1, format).toBe(rows.length);
    }
  });
});
