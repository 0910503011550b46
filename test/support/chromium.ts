// Headless Chromium for browser tests: Debian's `chromium` package, driven by playwright-core.
// Playwright's own browser download cannot reach the internet here, so the executable is given.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian installs Chromium; `MENTORMATCH_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env["MENTORMATCH_CHROMIUM"] ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launch headless Chromium with the flags this closed network needs: without the
 * background-networking flags Chromium keeps trying (and failing) to reach Google's hosts.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
