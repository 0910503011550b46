// Opens the HTML report in real headless Chromium (Debian's package, through playwright-core):
// it renders without console errors, makes no network request, escapes hostile names, and its
// search box filters the match table. Also writes docs/report-screenshot.png for the README.
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { match, toHtmlReport, type CohortInput } from "../../src/index.js";
import { chromiumAvailable, launchChromium } from "../support/chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser;

async function open(html: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  // Every request is recorded and refused: the report must need none.
  await page.route("**", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    return d.dismiss();
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, requests, errors, dialogs };
}

const visibleRows = (page: Page) => page.locator("#match-table tbody tr:visible").count();

describe.skipIf(!chromiumAvailable())("HTML report in headless Chromium", () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the demo cohort with no console error and no request, filters by search, and is screenshotted", async () => {
    const cohort = JSON.parse(readFileSync(`${root}examples/cohort.json`, "utf8")) as CohortInput;
    const result = await match(cohort);
    const html = toHtmlReport(result, cohort, { groupBy: ["location"] });
    const { page, requests, errors, dialogs } = await open(html);
    expect(await page.title()).toBe("Acme Spring 2027 Mentorship");
    for (const id of ["summary", "distribution", "criteria", "load", "groups", "unmatched", "matches"]) expect(await page.locator(`section#${id}`).count(), id).toBe(1);
    expect(await page.locator("svg.chart").count()).toBe(3);
    expect(await visibleRows(page)).toBe(result.matches.length);
    expect(await page.locator("#unmatched tbody tr").count()).toBe(result.unmatched.length);

    // Search: one mentee's full name leaves that mentee's row(s); nonsense leaves none; clearing restores all.
    const mentee = cohort.participants.find((p) => p.id === result.matches[0]!.menteeIds[0])!;
    const expected = result.matches.filter((m) => m.menteeIds.includes(mentee.id) || m.mentorIds.includes(mentee.id)).length;
    await page.fill("#match-search", mentee.name!);
    expect(await visibleRows(page)).toBe(expected);
    expect(await page.textContent("#match-count")).toBe(String(expected));
    await page.fill("#match-search", "zzz-no-such-person");
    expect(await visibleRows(page)).toBe(0);
    await page.fill("#match-search", "");
    expect(await visibleRows(page)).toBe(result.matches.length);

    mkdirSync(`${root}docs`, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: `${root}docs/report-screenshot.png` });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("shows hostile names as text: no script runs, no attribute breaks, nothing is fetched", async () => {
    const hostile = [
      `<script>alert("x")</script>`,
      `"><img src=x onerror=alert(1)>`,
      `' onmouseover='alert(2)`,
      `Tom & Jerry <b>bold</b>`,
      `</td></tr></table><script>alert(3)</script>`,
      `<svg onload=alert(4)>`,
    ];
    const participants: CohortInput["participants"] = [];
    hostile.forEach((name, k) => {
      participants.push({ id: `e${k}"><i>`, name, role: "mentee", department: name, goals: [name] });
      participants.push({ id: `m${k}`, name: `${name} (mentor)`, role: "mentor", department: "<style>body{display:none}</style>", goals: [name] });
    });
    participants.push({ id: "alone", name: `<iframe src="http://example.test/">`, role: "mentee", languages: ["Klingon"] });
    const cohort: CohortInput = { participants: participants.map((p) => ({ ...p, languages: p.languages ?? ["English"] })), program: { name: "<script>alert('title')</script>", rules: { sharedLanguage: true } } };
    const result = await match(cohort);
    const html = toHtmlReport(result, cohort);
    const { page, requests, errors, dialogs } = await open(html);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    // Only the report's own script and style exist; no injected element was created.
    expect(await page.locator("script").count()).toBe(1);
    expect(await page.locator("style").count()).toBe(1);
    expect(await page.locator("img, iframe, main svg:not(.chart), b, i").count()).toBe(0);
    expect(await page.title()).toBe("<script>alert('title')</script>");
    // The names are there as text, whole.
    const text = (await page.textContent("body"))!;
    for (const name of hostile) expect(text).toContain(name);
    expect(text).toContain(`<iframe src="http://example.test/">`);
    // The search box still works on hostile text.
    await page.fill("#match-search", "Tom & Jerry");
    expect(await visibleRows(page)).toBe(1);
  });
});
