import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

/**
 * Offline checks of manifest.xml. `office-addin-manifest validate` posts the manifest to an online service we
 * cannot reach and no XSD ships in any npm package, so these are the schema's rules that matter to us, checked
 * by hand: well-formed XML, identity, every resid defined and within 32 characters, string lengths, https URLs,
 * every URL a file the build emits, and the functions' namespace and ids agreeing with functions.json.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;
const BASE_URL = "https://localhost:3000/";

interface FunctionsJson {
  allowErrorForDataTypeAny?: unknown;
  functions: { id: string; name: string }[];
}

/** The functions functions.md specifies, by id. */
export const FUNCTION_IDS = ["BREAKEVEN_MINUTES", "PORTFOLIO_TIER", "SEAT_COST", "WORKFLOW_ROI"];

/**
 * The newest requirement set each declared set must reach, and why. CustomFunctions.Error with a message (how
 * every input problem explains itself) is CustomFunctionsRuntime 1.2.
 */
const MIN_VERSIONS: Record<string, [string, string]> = {
  SharedRuntime: ["1.1", "one runtime for the pane and the functions"],
  CustomFunctionsRuntime: ["1.2", "CustomFunctions.Error with a message"],
};

/** -1, 0 or 1 as version a is below, equal to or above b ("1.10" is above "1.9"). */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export interface ManifestContext {
  /** The build's output folder; URLs under BASE_URL must name files in it. */
  distDir: string;
}

function elements(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

/** The generated functions.json against what the manifest and functions.md expect of it. */
export function checkFunctionsMetadata(json: string): string[] {
  const problems: string[] = [];
  const metadata = JSON.parse(json) as FunctionsJson;
  const ids = metadata.functions.map((f) => f.id).sort();
  if (ids.join() !== FUNCTION_IDS.join())
    problems.push(`functions.json declares ${ids.join(", ")}; expected ${FUNCTION_IDS.join(", ")}`);
  if (metadata.allowErrorForDataTypeAny !== true)
    problems.push(
      "functions.json lacks allowErrorForDataTypeAny: true, so errors in input cells never reach the functions",
    );
  return problems;
}

export function checkManifest(xml: string, context: ManifestContext): string[] {
  const problems: string[] = [];
  const { DOMParser } = new JSDOM("").window;
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const parseError = doc.getElementsByTagName("parsererror")[0];
  if (parseError) return [`manifest.xml is not well-formed XML: ${parseError.textContent?.trim()}`];

  const root = doc.documentElement;
  if (root.localName !== "OfficeApp") problems.push(`the root element is <${root.localName}>, expected <OfficeApp>`);
  const text = (name: string) => elements(doc, name)[0]?.textContent?.trim() ?? "";
  if (!GUID.test(text("Id"))) problems.push(`<Id> "${text("Id")}" is not a GUID`);
  if (!FOUR_PART_VERSION.test(text("Version")))
    problems.push(`<Version> "${text("Version")}" is not four-part (1.0.0.0)`);
  const permissions = text("Permissions");
  if (permissions !== "ReadWriteDocument") {
    problems.push(`<Permissions> is "${permissions}"; the wizard needs ReadWriteDocument and nothing wider`);
  }
  const hosts = elements(doc, "Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"));
  if (!hosts.includes("Workbook")) problems.push("no Workbook host: this is an Excel add-in");

  // Resources: ids, their lengths and values.
  const resources = new Map<string, string>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const el of elements(doc, kind)) {
      const id = el.getAttribute("id");
      if (!id) continue;
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      resources.set(id, el.getAttribute("DefaultValue") ?? "");
      if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    }
  }
  for (const el of elements(doc, "ShortStrings").flatMap((s) => Array.from(s.children))) {
    if ((el.getAttribute("DefaultValue") ?? "").length > 125)
      problems.push(`short string "${el.getAttribute("id")}" is over 125 characters`);
  }
  for (const el of elements(doc, "LongStrings").flatMap((s) => Array.from(s.children))) {
    if ((el.getAttribute("DefaultValue") ?? "").length > 250)
      problems.push(`long string "${el.getAttribute("id")}" is over 250 characters`);
  }
  const description = elements(doc, "Description")[0]?.getAttribute("DefaultValue") ?? "";
  if (description.length > 250) problems.push("<Description> is over 250 characters");

  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const resid = el.getAttribute("resid");
    if (resid !== null && !resources.has(resid)) problems.push(`<${el.localName} resid="${resid}"> names no resource`);
  }

  // Every URL: https, and under the add-in's base a file that the build emits.
  const urls = new Set<string>([...resources.values()].filter((v) => /^https?:/i.test(v)));
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const value = el.getAttribute("DefaultValue");
    if (value && /^https?:/i.test(value)) urls.add(value);
  }
  for (const el of elements(doc, "AppDomain")) urls.add(el.textContent?.trim() ?? "");
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`URL ${url} is not https`);
    if (url.startsWith(BASE_URL)) {
      const file = url.slice(BASE_URL.length).split(/[?#]/)[0];
      if (file && !existsSync(join(context.distDir, file)))
        problems.push(`URL ${url} names ${file}, which the build does not emit`);
    }
  }

  // The custom functions: namespace, and ids that agree with the generated metadata.
  const namespaceId = elements(doc, "Namespace")[0]?.getAttribute("resid");
  const namespace = namespaceId ? resources.get(namespaceId) : undefined;
  if (namespace !== "AIBUDGET") problems.push(`the functions' namespace is "${namespace}", expected AIBUDGET`);
  const metadataFile = join(context.distDir, "functions.json");
  if (existsSync(metadataFile)) {
    problems.push(...checkFunctionsMetadata(readFileSync(metadataFile, "utf8")));
  } else {
    problems.push(`${metadataFile} is missing: run "npm run build" first`);
  }

  const runtime = elements(doc, "Runtime")[0];
  if (runtime?.getAttribute("lifetime") !== "long")
    problems.push('no shared runtime: <Runtime lifetime="long"> is missing');
  const sets = new Map(elements(doc, "Set").map((s) => [s.getAttribute("Name"), s]));
  for (const [set, [min, why]] of Object.entries(MIN_VERSIONS)) {
    const declared = sets.get(set);
    if (!declared) {
      problems.push(`the requirement set ${set} is not declared`);
      continue;
    }
    const group = declared.parentElement;
    const version = declared.getAttribute("MinVersion") ?? group?.getAttribute("DefaultMinVersion") ?? "1.1";
    if (compareVersions(version, min) < 0)
      problems.push(`the requirement set ${set} is declared at ${version}; ${why} needs ${min}`);
  }
  return problems;
}
