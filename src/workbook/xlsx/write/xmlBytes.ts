import type { ChunkSink } from "../package/partDeflater";

/**
 * UTF-8 written straight into fixed-size byte chunks. A sheet of 100,000 rows is some 150 MB of XML: built as
 * strings, joined and encoded, it cost more in allocation and garbage collection than in anything it computed,
 * and it is more text than one JavaScript string may hold. The chunks are handed to the deflater as they are,
 * never joined into one buffer.
 */

const CHUNK = 1 << 20;

export class XmlBytes {
  private readonly encoder = new TextEncoder();
  private readonly done: Uint8Array[] = [];
  private chunk: Uint8Array;
  private at = 0;
  private total = 0;

  /** With a sink, each chunk goes to it as it fills (to be compressed at once); without, they are kept. */
  constructor(private readonly sink?: ChunkSink) {
    this.chunk = this.fresh(CHUNK);
  }

  private fresh(size: number): Uint8Array {
    return this.sink ? this.sink.buffer(size) : new Uint8Array(size);
  }

  /** Room for `n` more bytes in the current chunk, starting a new one where it lacks them. */
  private room(n: number): void {
    if (this.at + n <= this.chunk.length) return;
    this.seal();
    this.chunk = this.fresh(Math.max(CHUNK, n));
  }

  private seal(): void {
    if (this.at > 0) {
      if (this.sink) this.sink.take(this.chunk, this.at);
      else this.done.push(this.chunk.subarray(0, this.at));
    }
    this.total += this.at;
    this.at = 0;
  }

  /** Any text, as UTF-8. The caller escapes it first. */
  text(s: string): void {
    const n = s.length;
    // At most three bytes per UTF-16 unit (a surrogate pair is two units for four bytes).
    this.room(n * 3);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Most of what the add-in writes is ASCII; the rest goes through the platform's encoder.
        this.at = at + this.encoder.encodeInto(s.slice(i), chunk.subarray(at)).written;
        return;
      }
      chunk[at++] = c;
    }
    this.at = at;
  }

  /** A non-negative integer, in decimal. */
  digits(n: number): void {
    this.room(16);
    const chunk = this.chunk;
    if (n < 10) {
      chunk[this.at++] = 48 + n;
      return;
    }
    let end = this.at;
    for (let v = n; v > 0; v = Math.floor(v / 10)) end++;
    this.at = end;
    for (let v = n; v > 0; v = Math.floor(v / 10)) chunk[--end] = 48 + (v % 10);
  }

  /** Bytes encoded once and written many times. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const chunk = this.chunk;
    let at = this.at;
    // The markup pieces are a few bytes long: a loop copies them faster than set(), which pays a call's cost.
    if (n <= 64) for (let i = 0; i < n; i++) chunk[at++] = b[i];
    else {
      chunk.set(b, at);
      at += n;
    }
    this.at = at;
  }

  /** The part, as the chunks written (none, with a sink: it has had them all). */
  chunks(): Uint8Array[] {
    this.seal();
    this.chunk = new Uint8Array(0);
    return this.done;
  }

  get length(): number {
    return this.total + this.at;
  }
}

const encoder = new TextEncoder();

/** Text encoded once, for the markup written around every cell. */
export const encoded = (s: string): Uint8Array => encoder.encode(s);
