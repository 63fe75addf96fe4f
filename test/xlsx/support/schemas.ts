import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";

/**
 * Validates parts against the ECMA-376 schemas (test/fixtures/xsd, from Apache POI) with xmllint, after the
 * markup-compatibility preprocessing the fixtures' README describes: content in ignorable namespaces and
 * mc:AlternateContent's choices are dropped (a validator that knows only the 2006 namespaces cannot read them),
 * strict namespaces are renamed to transitional ones. Many parts go through one xmllint run per schema, since
 * loading sml.xsd is most of the cost.
 */

const XSD = join(__dirname, "..", "..", "fixtures", "xsd");
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const STRICT_TO_TRANSITIONAL: [string, string][] = [
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"],
  [
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  ],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  ["http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"],
  [
    "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  ],
  [
    "http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
  ],
];

const SCHEMA_OF_ROOT: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc/opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc/opc-contentTypes.xsd",
};

const dom = new JSDOM("");
const parser = new dom.window.DOMParser();
const serializer = new dom.window.XMLSerializer();

function insideExt(element: Element): boolean {
  for (let e = element.parentElement; e; e = e.parentElement) if (e.localName === "ext") return true;
  return false;
}

/**
 * A part with nothing for the DOM pass to do but drop xml:space (no markup compatibility, no extensions): done on
 * the text, since a DOM of a sheet of 100,000 rows takes gigabytes. Text content cannot hold "<", so the pattern
 * meets attributes only.
 */
function plainPart(text: string): { text: string; rootNs: string } | null {
  if (text.includes(MC) || text.includes("dateCompatibility") || /<(\w+:)?extLst[\s>/]/.test(text)) return null;
  const root = /<(?!\?|!)(?:(\w+):)?[\w.-]+([^>]*)>/.exec(text);
  if (!root) return null;
  const prefix = root[1];
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}="([^"]*)"`).exec(root[2]);
  return { text: text.replace(/(<[^<>]*?)\sxml:space="[^"]*"/g, "$1"), rootNs: ns?.[1] ?? "" };
}

/** The part as the 2006 schemas can read it. */
export function preprocess(xml: string): { text: string; rootNs: string } {
  let text = xml;
  for (const [strict, transitional] of STRICT_TO_TRANSITIONAL) text = text.split(strict).join(transitional);
  const plain = plainPart(text);
  if (plain) return plain;
  const doc = parser.parseFromString(text, "application/xml");
  const root = doc.documentElement;
  const ignorable = new Set<string>();
  for (const element of [root, ...Array.from(root.getElementsByTagName("*"))]) {
    const value = element.getAttributeNS(MC, "Ignorable");
    if (!value) continue;
    for (const prefix of value.split(/\s+/).filter(Boolean)) {
      const uri = element.lookupNamespaceURI(prefix);
      if (uri) ignorable.add(uri);
    }
  }
  const walk = (element: Element) => {
    for (const child of Array.from(element.children)) {
      if (child.namespaceURI === MC && child.localName === "AlternateContent") {
        const fallback = Array.from(child.children).find((c) => c.localName === "Fallback");
        for (const kept of fallback ? Array.from(fallback.childNodes) : []) element.insertBefore(kept, child);
        element.removeChild(child);
        continue;
      }
      if (child.namespaceURI !== null && ignorable.has(child.namespaceURI) && !insideExt(child)) {
        element.removeChild(child);
        continue;
      }
    }
    for (const child of Array.from(element.children)) walk(child);
    for (const attribute of Array.from(element.attributes)) {
      const ns = attribute.namespaceURI;
      const drop =
        ns === MC ||
        (ns === XML_NS && attribute.localName === "space") ||
        (ns !== null && ignorable.has(ns) && !insideExt(element)) ||
        (attribute.localName === "dateCompatibility" && ns === null);
      if (drop) element.removeAttributeNode(attribute);
    }
  };
  walk(root);
  for (const local of ["ext", "extLst"]) {
    for (const element of Array.from(root.getElementsByTagName("*")).reverse()) {
      if (element.localName === local && element.children.length === 0 && element.parentElement) {
        element.parentElement.removeChild(element);
      }
    }
  }
  return { text: serializer.serializeToString(doc), rootNs: root.namespaceURI ?? "" };
}

export interface PartToCheck {
  /** A label for messages, e.g. "table01.xlsx:xl/worksheets/sheet2.xml". */
  label: string;
  xml: string;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("xmllint", args, { maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new Error("xmllint was not found: install it with `sudo apt-get install -y libxml2-utils`."));
      } else resolve(stderr);
    });
  });
}

/**
 * Each part's schema errors, without file names and line numbers (so an output part's errors can be compared with
 * its input's). A part whose root namespace has no schema here gets the one error that says so.
 */
export async function schemaErrors(parts: readonly PartToCheck[]): Promise<Map<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), "aibudget-xsd-"));
  const errors = new Map<string, string[]>(parts.map((p) => [p.label, []]));
  try {
    const bySchema = new Map<string, { file: string; label: string }[]>();
    parts.forEach((part, i) => {
      const { text, rootNs } = preprocess(part.xml);
      const schema = SCHEMA_OF_ROOT[rootNs];
      if (!schema) {
        errors.get(part.label)!.push(`no schema for the root namespace ${rootNs}`);
        return;
      }
      const file = join(dir, `part${i}.xml`);
      writeFileSync(file, text);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, label: part.label }]);
    });
    for (const [schema, files] of bySchema) {
      for (let at = 0; at < files.length; at += 400) {
        const batch = files.slice(at, at + 400);
        const output = await run(["--noout", "--nonet", "--schema", join(XSD, schema), ...batch.map((f) => f.file)]);
        const labelOf = new Map(batch.map((f) => [f.file, f.label]));
        for (const line of output.split("\n")) {
          const match = /^(.*?\.xml):\d+: (.*)$/.exec(line);
          if (match && labelOf.has(match[1])) errors.get(labelOf.get(match[1])!)!.push(match[2]);
          const failed = /^(.*?\.xml) fails to validate$/.exec(line);
          if (failed && labelOf.has(failed[1]) && errors.get(labelOf.get(failed[1])!)!.length === 0) {
            errors.get(labelOf.get(failed[1])!)!.push("fails to validate");
          }
        }
      }
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The errors of `after` that `before` did not have (as a multiset): what an edit brought in. */
export function newErrors(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const e of before) left.set(e, (left.get(e) ?? 0) + 1);
  return after.filter((e) => {
    const n = left.get(e) ?? 0;
    if (n > 0) {
      left.set(e, n - 1);
      return false;
    }
    return true;
  });
}
