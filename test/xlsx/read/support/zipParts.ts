import { readFileSync } from "fs";
import { join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { PartSource } from "../../../../src/workbook/xlsx/package/partSource";
import { XlsxError } from "../../../../src/workbook/xlsx/read/errors";

export const CORPUS = join(__dirname, "../../../fixtures/corpus");

export function corpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, name)));
}

/**
 * The tests' own PartSource over fflate: parts inflated one at a time, when asked for, and the names of those
 * inflated kept, so a test can check what the reader did not need to read. (The zip-bomb limits are the package
 * layer's: hostile.test.ts runs the reader over its PartSource.)
 */
export function zipParts(zip: Uint8Array): PartSource & { inflated: string[] } {
  const declared = new Set<string>();
  unzipSync(zip, {
    filter: (file) => {
      declared.add(file.name);
      return false;
    },
  });
  const inflated: string[] = [];
  const cache = new Map<string, Uint8Array>();
  const bytes = (name: string): Uint8Array => {
    const known = cache.get(name);
    if (known) return known;
    if (!declared.has(name)) throw new XlsxError(`The workbook has no part ${name}.`);
    const out = unzipSync(zip, { filter: (f) => f.name === name })[name];
    inflated.push(name);
    cache.set(name, out);
    return out;
  };
  return {
    inflated,
    names: () => [...declared],
    has: (name) => declared.has(name),
    bytes,
    text: (name) => strFromU8(bytes(name)).replace(/^\uFEFF/, ""),
  };
}

/** A copy of a zip with some parts' text changed (or added, or removed where the edit returns null). */
export function editZip(
  zip: Uint8Array,
  edit: (name: string, text: string) => string | null,
  add: Record<string, string> = {},
): Uint8Array {
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const isXml = /\.(xml|rels)$/i.test(name);
    if (!isXml) {
      out[name] = data;
      continue;
    }
    const text = edit(name, strFromU8(data));
    if (text !== null) out[name] = strToU8(text);
  }
  for (const [name, text] of Object.entries(add)) out[name] = strToU8(text);
  return zipSync(out);
}

export function zipText(zip: Uint8Array, name: string): string {
  return strFromU8(unzipSync(zip, { filter: (f) => f.name === name })[name]);
}

/** A zip's parts renamed (and their text edited) by `rename`; a null name drops the part. */
export function renameParts(zip: Uint8Array, rename: (name: string) => string | null): Uint8Array {
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const to = rename(name);
    if (to !== null) out[to] = data;
  }
  return zipSync(out);
}
