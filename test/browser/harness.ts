import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { serveFolder, type ServedFolder } from "../../scripts/staticServer";

/** Where the browser tests find the built pages and put what they show. */
export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "test-output", "screenshots");
export const CHROMIUM = "/usr/bin/chromium";

// The flags measured to work headless on this kind of machine (notes: toolchain.md), and nothing that talks out.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails, never skips, when the machine lacks what a real browser test needs. */
export function requireBrowserAndBuild(page = "playground.html"): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser tests.`,
    );
  }
  if (!existsSync(join(DIST, page))) {
    throw new Error(`dist/${page} is missing: run "npm run build" before the browser tests.`);
  }
}

/** dist/ on the loopback interface, on a port the system picks: the same server `npm start` uses. */
export function serveDist(root = DIST): Promise<ServedFolder> {
  return serveFolder(root);
}

/** A headless Chromium with a fresh profile, thrown away on close. */
export async function launchChromium(
  viewport = { width: 350, height: 900 },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "aibudget-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
