// The package in a real browser: `import { match } from "mentormatch"` bundled by esbuild for
// `--platform=browser` (no externals, plugins or shims) and run in headless Chromium on
// examples/cohort.json — one-on-one, peer, and groups with a quota — must give the same results as
// Node. Without HiGHS the group programme runs local search (and says so); with HiGHS supplied
// through `options.highs` (the package's own highs.mjs and highs.wasm, served by the page's
// origin) it equals Node with HiGHS. Needs `npm run build` first (CI builds before testing).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { match, parseCohort, selectorMatches, type MatchResult } from "../../src/index.js";
import { launchChromium } from "../support/chromium.js";
import { embedProgrammes, GROUP_SIZE, SENIOR_QUOTA } from "../support/embed-programmes.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const ORIGIN = "http://mentormatch.test";
const highsDir = join(dirname(createRequire(import.meta.url).resolve("highs")), ".");

/** Runs in the page: imports the bundle and matches, HiGHS supplied from the page's origin when asked. */
const PAGE_RUN = `async ({ input, withHighs }) => {
  const m = await import("/mentormatch.js");
  const options = withHighs ? { highs: { load: () => import("/highs.mjs"), locateFile: (file) => "/" + file } } : {};
  return JSON.stringify(await m.match(input, options));
}`;

type Name = "one-on-one" | "peer" | "group-quota";
const NAMES: Name[] = ["one-on-one", "peer", "group-quota"];

/** The result without what legitimately differs between runs: timings and the fallback's wording. */
function comparable(r: MatchResult): unknown {
  const { timings: _t, ...stats } = r.stats;
  return { ...r, stats, warnings: r.warnings.map((w) => (w.code === "highs-unavailable" ? "highs-unavailable" : w.message)) };
}

describe("match() bundled for the browser, in headless Chromium", () => {
  const programmes = embedProgrammes();
  let browser: Browser;
  let page: Page;
  let bundleText = "";
  const requested: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "index.js"))) throw new Error("dist/ is missing: run `npm run build` before the slow tests");
    const out = await build({
      stdin: { contents: 'export { match } from "mentormatch";', resolveDir: root, loader: "js" },
      bundle: true, platform: "browser", format: "esm", minify: true, write: false, logLevel: "silent",
    });
    bundleText = out.outputFiles[0]!.text;
    browser = await launchChromium();
    page = await browser.newPage();
    const files: Record<string, { body: Buffer | string; contentType: string }> = {
      "/": { body: "<!doctype html><title>mentormatch</title>", contentType: "text/html" },
      "/mentormatch.js": { body: bundleText, contentType: "text/javascript" },
      "/highs.mjs": { body: readFileSync(join(highsDir, "highs.mjs")), contentType: "text/javascript" },
      "/highs.wasm": { body: readFileSync(join(highsDir, "highs.wasm")), contentType: "application/wasm" },
    };
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      requested.push(path);
      const file = files[path];
      return file ? route.fulfill({ status: 200, body: file.body, contentType: file.contentType }) : route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${ORIGIN}/`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Runs match() in the page; `withHighs` supplies HiGHS through options.highs. */
  async function inBrowser(name: Name, withHighs: boolean): Promise<MatchResult> {
    // A string, not a function: vitest rewrites import() in functions it compiles.
    const json = await page.evaluate(`(${PAGE_RUN})(${JSON.stringify({ input: programmes[name], withHighs })})`);
    return JSON.parse(json as string);
  }

  it("the bundle imports no Node built-in and leaves highs out", () => {
    // Booleans, not the text: a failure would print the whole bundle.
    expect(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:/.test(bundleText), "imports a node: module").toBe(false);
    expect(bundleText.includes("highs.wasm"), "bundles highs").toBe(false);
  });

  it.each(NAMES)("%s: the same result as Node (without HiGHS)", async (name) => {
    const here = JSON.parse(JSON.stringify(await match(programmes[name], { highs: false })));
    const there = await inBrowser(name, false);
    expect(comparable(there)).toEqual(comparable(here));
    expect(there.matches.length).toBeGreaterThan(0);
  });

  it("the results keep the programmes' rules (capacities, one partner each, group sizes, the quota)", async () => {
    const cohort = parseCohort(programmes["one-on-one"]);
    const byId = new Map(cohort.participants.map((p) => [p.id, p]));
    const one = await inBrowser("one-on-one", false);
    const load = new Map<string, number>();
    const mentees = new Set<string>();
    for (const m of one.matches) {
      load.set(m.mentorIds[0]!, (load.get(m.mentorIds[0]!) ?? 0) + 1);
      expect(mentees.has(m.menteeIds[0]!)).toBe(false);
      mentees.add(m.menteeIds[0]!);
    }
    for (const [id, n] of load) expect(n).toBeLessThanOrEqual(byId.get(id)!.capacity);

    const peer = await inBrowser("peer", false);
    const seen = new Set<string>();
    for (const m of peer.matches) for (const id of m.menteeIds) {
      expect(seen.has(id), `${id} in two peer matches`).toBe(false);
      seen.add(id);
    }

    const group = await inBrowser("group-quota", false);
    expect(group.warnings.some((w) => w.code === "highs-unavailable")).toBe(true);
    for (const g of group.matches) {
      expect(g.menteeIds.length).toBeGreaterThanOrEqual(GROUP_SIZE.min);
      expect(g.menteeIds.length).toBeLessThanOrEqual(GROUP_SIZE.max);
    }
    const engineering = cohort.participants.filter((p) => p.role !== "mentor" && selectorMatches(p, SENIOR_QUOTA.mentees));
    const hits = group.matches.reduce((n, g) => n + g.menteeIds.filter((id) => selectorMatches(byId.get(id)!, SENIOR_QUOTA.mentees) && selectorMatches(byId.get(g.mentorIds[0]!)!, SENIOR_QUOTA.mentors)).length, 0);
    expect(hits).toBeGreaterThanOrEqual(SENIOR_QUOTA.min * engineering.length);
  });

  it("with HiGHS supplied through options.highs (loader + locateFile) the group programme equals Node with HiGHS", async () => {
    const here = JSON.parse(JSON.stringify(await match(programmes["group-quota"])));
    const there = await inBrowser("group-quota", true);
    expect(requested).toContain("/highs.wasm");
    expect(there.warnings.some((w) => w.code === "highs-unavailable")).toBe(false);
    expect(comparable(there)).toEqual(comparable(here));
  });
});
