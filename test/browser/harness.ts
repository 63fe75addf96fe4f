import { existsSync, createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

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

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
};

/** A static server for dist/ on the loopback interface, on a port the system picks. */
export async function serveDist(root = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
