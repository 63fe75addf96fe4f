import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkFunctionsMetadata, checkManifest, FUNCTION_IDS } from "../scripts/checkManifest";

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
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTION_IDS);
    expect(FUNCTION_IDS).toEqual(["BREAKEVEN_MINUTES", "PORTFOLIO_TIER", "SEAT_COST", "WORKFLOW_ROI"]);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="AIBUDGET" \/>/);
  });

  test("declares CustomFunctionsRuntime 1.2, which CustomFunctions.Error with a message needs", () => {
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.2" \/>/);
  });

  test("checks functions.json too: the four ids, and allowErrorForDataTypeAny, without which errors never arrive", () => {
    const metadata = JSON.parse(readFileSync(join(distDir, "functions.json"), "utf8")) as Record<string, unknown>;
    expect(checkFunctionsMetadata(JSON.stringify(metadata))).toEqual([]);
    const withoutFlag = JSON.stringify({ ...metadata, allowErrorForDataTypeAny: undefined });
    expect(checkFunctionsMetadata(withoutFlag).join("\n")).toContain("lacks allowErrorForDataTypeAny");
    const threeOnly = JSON.stringify({
      ...metadata,
      functions: (metadata.functions as { id: string }[]).filter((f) => f.id !== "BREAKEVEN_MINUTES"),
    });
    expect(checkFunctionsMetadata(threeOnly).join("\n")).toContain("expected BREAKEVEN_MINUTES");
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
    [
      "CustomFunctionsRuntime 1.1",
      (m: string) =>
        m.replace('"CustomFunctionsRuntime" MinVersion="1.2"', '"CustomFunctionsRuntime" MinVersion="1.1"'),
      "CustomFunctionsRuntime is declared at 1.1; CustomFunctions.Error with a message needs 1.2",
    ],
    [
      "CustomFunctionsRuntime left to a default of 1.1",
      (m: string) => m.replace('"CustomFunctionsRuntime" MinVersion="1.2"', '"CustomFunctionsRuntime"'),
      "declared at 1.1",
    ],
    [
      "no CustomFunctionsRuntime",
      (m: string) => m.replace(/<Set Name="CustomFunctionsRuntime"[^>]*\/>/, ""),
      "CustomFunctionsRuntime is not declared",
    ],
    ["malformed XML", (m: string) => m.replace("</Hosts>", ""), "not well-formed"],
  ])("catches %s", (_label, breakIt, message) => {
    const broken = breakIt(manifest);
    expect(broken).not.toEqual(manifest);
    expect(checkManifest(broken, { distDir }).join("\n")).toContain(message);
  });
});
