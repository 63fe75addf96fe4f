import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, requireBrowserAndBuild, ROOT, SCREENSHOTS, serveDist } from "./harness";

// The production page loads office.js from Microsoft's CDN. Nothing here may go out: the CDN is either refused
// or answered with the npm copy of the same library, by intercepting the request in the browser.
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

describe("the production task pane page in a real headless Chromium", () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: { context: BrowserContext; close: () => Promise<void> };

  beforeAll(async () => {
    requireBrowserAndBuild("taskpane.html");
    server = await serveDist();
    browser = await launchChromium({ width: 350, height: 700 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(officeJs: "refused" | "served"): Promise<Page> {
    const page = await browser.context.newPage();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      if (officeJs === "served" && url.startsWith(CDN)) {
        const file = normalize(join(OFFICE_JS, new URL(url).pathname.slice(new URL(CDN).pathname.length)));
        if (file.startsWith(OFFICE_JS + sep) && existsSync(file)) {
          return route.fulfill({
            body: readFileSync(file),
            contentType: extname(file) === ".js" ? "text/javascript" : "application/octet-stream",
          });
        }
      }
      return route.abort();
    });
    await page.goto(`${server.url}taskpane.html`);
    return page;
  }

  test("without office.js the pane says Office did not load, instead of staying blank", async () => {
    const page = await open("refused");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Office did not load");
    await page.screenshot({ path: join(SCREENSHOTS, "taskpane-no-office.png") });
    await page.close();
  });

  test("outside Excel the pane says where it runs and points to the playground", async () => {
    if (!existsSync(join(OFFICE_JS, "office.js"))) throw new Error(`${OFFICE_JS}/office.js is missing: run npm ci`);
    const page = await open("served");
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain("This pane runs inside Excel");
    await page.screenshot({ path: join(SCREENSHOTS, "taskpane-outside-excel.png") });
    await page.close();
  }, 30_000);
});
