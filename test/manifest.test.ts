import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../scripts/checkManifest";

const root = join(__dirname, "..");
const distDir = join(root, "dist");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

beforeAll(() => {
  if (!existsSync(join(distDir, "functions.json"))) {
    throw new Error('dist/ has no functions.json: run "npm run build" before jest (npm test does)');
  }
});

describe("manifest.xml, checked offline", () => {
  test("passes every check against the build's output", () => {
    expect(checkManifest(manifest, { distDir })).toEqual([]);
  });

  test("every URL it names is a file in dist/", () => {
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const file of urls) expect(existsSync(join(distDir, file))).toBe(true);
  });

  test("declares the functions' namespace and the ids that functions.json generates", () => {
    const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(["PORTFOLIO_TIER", "SEAT_COST", "WORKFLOW_ROI"]);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="AIBUDGET" \/>/);
  });

  // Each broken copy must be caught, or the checks above prove nothing.
  test.each([
    ["a GUID that is not one", (m: string) => m.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"), "is not a GUID"],
    [
      "a three-part version",
      (m: string) => m.replace("<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>"),
      "four-part",
    ],
    [
      "a resid with no resource",
      (m: string) => m.replace('resid="Taskpane.Url" lifetime', 'resid="Nowhere.Url" lifetime'),
      "names no resource",
    ],
    [
      "an http URL",
      (m: string) => m.replace("https://localhost:3000/help.html", "http://localhost:3000/help.html"),
      "is not https",
    ],
    [
      "a URL the build does not emit",
      (m: string) => m.replace("assets/icon-80.png", "assets/icon-81.png"),
      "does not emit",
    ],
    ["a wider permission", (m: string) => m.replace("ReadWriteDocument", "WriteDocument"), "Permissions"],
    [
      "another namespace",
      (m: string) =>
        m.replace(
          'id="Functions.Namespace" DefaultValue="AIBUDGET"',
          'id="Functions.Namespace" DefaultValue="CONTOSO"',
        ),
      "namespace",
    ],
    ["no shared runtime", (m: string) => m.replace('lifetime="long"', 'lifetime="short"'), "shared runtime"],
    ["malformed XML", (m: string) => m.replace("</Hosts>", ""), "not well-formed"],
  ])("catches %s", (_label, breakIt, message) => {
    const broken = breakIt(manifest);
    expect(broken).not.toEqual(manifest);
    expect(checkManifest(broken, { distDir }).join("\n")).toContain(message);
  });
});
