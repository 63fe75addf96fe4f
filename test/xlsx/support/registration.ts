import { strFromU8 } from "fflate";
import { attributesOf, children, parseXml, unzipParts } from "./package";

/**
 * What "changed only by addition" means for the four registration parts, checked on the parsed XML of an input
 * and its copy: every entry the input held is still there (and, where other parts refer to it by index, at the
 * same index), and nothing else of theirs changed. Returns the problems found, in words.
 */

export const REGISTRATION_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

const CALC_CHAIN = /calcChain/i;

function serialize(element: Element): string {
  return element.outerHTML;
}

function key(attributes: Record<string, string>): string {
  return JSON.stringify(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

/** The workbook part and its relationships part, from the package's root relationships. */
export function workbookPartOf(parts: Map<string, Uint8Array>): { workbook: string; rels: string } {
  const root = parts.get("_rels/.rels");
  let workbook = "xl/workbook.xml";
  if (root) {
    const rel = children(parseXml(strFromU8(root)).documentElement, "Relationship").find((r) =>
      /\/officeDocument$/.test(r.getAttribute("Type") ?? ""),
    );
    const target = rel?.getAttribute("Target");
    if (target) workbook = target.replace(/^\//, "");
  }
  const slash = workbook.lastIndexOf("/");
  return { workbook, rels: `${workbook.slice(0, slash + 1)}_rels/${workbook.slice(slash + 1)}.rels` };
}

/** `present`: the output's part names. */
function contentTypesProblems(before: Document, after: Document, present: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const afterKeys = new Set(children(after.documentElement).map((e) => `${e.localName}${key(attributesOf(e))}`));
  for (const entry of children(before.documentElement)) {
    const part = (entry.getAttribute("PartName") ?? "").replace(/^\//, "");
    // The calculation chain may go, and its override with it: also where the input named one it did not hold
    // (xlsx-populate writes such files), as the workbook's relationship to it goes too.
    if (entry.localName === "Override" && CALC_CHAIN.test(part) && !present.has(part)) continue;
    if (!afterKeys.has(`${entry.localName}${key(attributesOf(entry))}`))
      problems.push(`content types lost ${serialize(entry)}`);
  }
  return problems;
}

function relationshipsProblems(before: Document, after: Document): string[] {
  const problems: string[] = [];
  const afterKeys = new Set(children(after.documentElement).map((e) => key(attributesOf(e))));
  for (const rel of children(before.documentElement, "Relationship")) {
    if (CALC_CHAIN.test(rel.getAttribute("Type") ?? "")) continue;
    if (!afterKeys.has(key(attributesOf(rel)))) problems.push(`workbook relationships lost ${serialize(rel)}`);
  }
  return problems;
}

function workbookProblems(before: Document, after: Document): string[] {
  const problems: string[] = [];
  const b = before.documentElement;
  const a = after.documentElement;
  if (key(attributesOf(b)) !== key(attributesOf(a))) problems.push("the workbook element's attributes changed");
  // Every child but sheets and definedNames is as it was, in its order.
  const others = (root: Element) =>
    children(root)
      .filter((c) => c.localName !== "sheets" && c.localName !== "definedNames")
      .map(serialize);
  if (JSON.stringify(others(b)) !== JSON.stringify(others(a)))
    problems.push("a workbook element other than sheets or definedNames changed");
  const sheetsBefore = children(children(b, "sheets")[0] ?? b, "sheet").map(serialize);
  const sheetsAfter = children(children(a, "sheets")[0] ?? a, "sheet").map(serialize);
  if (JSON.stringify(sheetsAfter.slice(0, sheetsBefore.length)) !== JSON.stringify(sheetsBefore)) {
    problems.push("the input's sheets are not the first sheets, unchanged and in order");
  }
  const names = (root: Element) => children(children(root, "definedNames")[0] ?? root, "definedName");
  const namesAfter = new Set(names(a).map(serialize));
  for (const name of names(b))
    if (!namesAfter.has(serialize(name))) problems.push(`defined name lost: ${serialize(name)}`);
  return problems;
}

const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "colors"];

function stylesProblems(before: Document, after: Document): string[] {
  const problems: string[] = [];
  for (const list of STYLE_LISTS) {
    const b = children(before.documentElement, list)[0];
    const a = children(after.documentElement, list)[0];
    if (!b) continue;
    if (!a) {
      problems.push(`styles lost ${list}`);
      continue;
    }
    const bc = children(b).map(serialize);
    const ac = children(a).map(serialize);
    if (JSON.stringify(ac.slice(0, bc.length)) !== JSON.stringify(bc))
      problems.push(`styles: ${list} records moved or changed`);
    const count = a.getAttribute("count");
    if (count !== null && Number(count) !== ac.length)
      problems.push(`styles: ${list} count ${count} for ${ac.length} records`);
  }
  const others = (root: Element) =>
    children(root)
      .filter((c) => !STYLE_LISTS.includes(c.localName))
      .map(serialize);
  if (JSON.stringify(others(before.documentElement)) !== JSON.stringify(others(after.documentElement))) {
    problems.push("styles: a part other than the lists added to changed");
  }
  return problems;
}

/** Problems with the copy's registration parts, against the input's. */
export function registrationProblems(input: Uint8Array, output: Uint8Array): string[] {
  const before = unzipParts(input);
  const after = unzipParts(output);
  const { workbook, rels } = workbookPartOf(before);
  const doc = (parts: Map<string, Uint8Array>, name: string) => parseXml(strFromU8(parts.get(name)!));
  const problems: string[] = [];
  problems.push(
    ...contentTypesProblems(
      doc(before, "[Content_Types].xml"),
      doc(after, "[Content_Types].xml"),
      new Set(after.keys()),
    ),
  );
  problems.push(...workbookProblems(doc(before, workbook), doc(after, workbook)));
  if (before.has(rels)) problems.push(...relationshipsProblems(doc(before, rels), doc(after, rels)));
  const styles = [...before.keys()].find((n) => /^xl\/styles\.xml$/i.test(n));
  if (styles) problems.push(...stylesProblems(doc(before, styles), doc(after, styles)));
  return problems;
}
