import type { PartSource } from "./partSource";
import { ZipPartSource } from "./partSourceZip";
import { inflateSync } from "fflate";
import type { DeflatedPart } from "./partDeflater";
import { joinedPart, writeZip, type OutputEntry, type PartData } from "./zipWrite";

/**
 * A package being edited: the input's parts, with some replaced, some removed and some added, seen as one
 * PartSource (so the reader sees the edits) and written out as a zip in which every part left alone is copied as
 * stored, in the input's order, and the new parts come after.
 */
export class EditedPackage implements PartSource {
  private readonly written = new Map<string, PartData | DeflatedPart>();
  /** Lower-cased names of input parts removed. */
  private readonly removed = new Set<string>();
  /** New parts (not in the input), in the order they were first added. */
  private readonly addedOrder: string[] = [];

  constructor(readonly input: ZipPartSource | null) {}

  private inputName(name: string): string | undefined {
    const entry = this.input?.entry(name);
    return entry && !this.removed.has(entry.name.toLowerCase()) ? entry.name : undefined;
  }

  private key(name: string): string {
    return name.startsWith("/") ? name.slice(1) : name;
  }

  /** The name the part is known by here (the input's spelling for an input part), or undefined. */
  private resolve(name: string): string | undefined {
    const key = this.key(name);
    if (this.written.has(key)) return key;
    const lower = key.toLowerCase();
    for (const n of this.written.keys()) if (n.toLowerCase() === lower) return n;
    return this.inputName(key);
  }

  names(): readonly string[] {
    const fromInput = (this.input?.names() ?? []).filter((n) => !this.removed.has(n.toLowerCase()));
    return [...fromInput, ...this.addedOrder];
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  bytes(name: string): Uint8Array {
    const resolved = this.resolve(name);
    const own = resolved === undefined ? undefined : this.written.get(resolved);
    if (own) return contentOf(own);
    if (resolved === undefined || !this.input) return (this.input ?? emptySource).bytes(this.key(name));
    return this.input.bytes(resolved);
  }

  text(name: string): string {
    const resolved = this.resolve(name);
    const own = resolved === undefined ? undefined : this.written.get(resolved);
    if (own) return new TextDecoder().decode(contentOf(own));
    if (!this.input) return emptySource.text(name);
    return this.input.text(resolved ?? this.key(name));
  }

  /** Writes (adds or replaces) a part. */
  put(name: string, content: string | PartData | DeflatedPart): void {
    const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
    const existing = this.resolve(name);
    const target = existing ?? this.key(name);
    if (existing === undefined) {
      this.removed.delete(target.toLowerCase());
      if (!this.input?.entry(target)) this.addedOrder.push(target);
    }
    this.written.set(target, data);
  }

  remove(name: string): void {
    const resolved = this.resolve(name);
    if (resolved === undefined) return;
    this.written.delete(resolved);
    const at = this.addedOrder.indexOf(resolved);
    if (at >= 0) this.addedOrder.splice(at, 1);
    if (this.input?.entry(resolved)) this.removed.add(resolved.toLowerCase());
  }

  /** True where the part differs from the input (written, or removed). */
  changed(name: string): boolean {
    const resolved = this.resolve(name);
    return resolved === undefined ? Boolean(this.input?.entry(name)) : this.written.has(resolved);
  }

  save(): Promise<Uint8Array> {
    const entries: OutputEntry[] = [];
    const input = this.input;
    if (input) {
      for (const entry of input.archive.entries) {
        if (this.removed.has(entry.name.toLowerCase())) continue;
        const own = this.written.get(entry.name);
        entries.push(
          own
            ? { kind: "written", name: entry.name, data: own, like: entry }
            : { kind: "copied", archive: input.archive, entry },
        );
      }
    }
    for (const name of this.addedOrder) entries.push({ kind: "written", name, data: this.written.get(name)! });
    return writeZip(entries);
  }
}

/** A part written here, uncompressed: a sheet compressed as it was written is inflated again to be read. */
function contentOf(data: PartData | DeflatedPart): Uint8Array {
  return "kind" in data ? inflateSync(data.data, { out: new Uint8Array(data.size) }) : joinedPart(data);
}

/** An archive with no entries: its end record alone. */
const emptySource = ZipPartSource.open(
  new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
);
