import { PackageError } from "./zipArchive";

/**
 * One part compressed while it is being written. The sheet writer hands over each 1 MB chunk as it fills; the
 * platform's CompressionStream (zlib, on Node's thread pool) compresses it while the next is written, so a big
 * sheet's writing and compressing overlap rather than follow each other. Only a few chunks are ever in flight,
 * and each comes back to be written again once compressed: allocating 150 MB of fresh buffers made V8 run a full
 * garbage collection for every 64 MB of them.
 */

/** A part already compressed, as the zip writer stores it. */
export interface DeflatedPart {
  kind: "deflated";
  /** The raw deflate stream. */
  data: Uint8Array;
  crc: number;
  size: number;
}

/** What the sheet writer writes its chunks into. */
export interface ChunkSink {
  /** An empty buffer of at least `size` bytes to write the next chunk into. */
  buffer(size: number): Uint8Array;
  /** A chunk written: the first `length` bytes of a buffer `buffer` gave. */
  take(buffer: Uint8Array, length: number): void;
}

/**
 * A turn of the event loop: a message to oneself, delivered by Node and browsers alike once the callbacks already
 * waiting (the compressor's among them) have run. A timer would wait a millisecond or more each time.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    // A channel of its own, closed once used: in Node an open port holds the process open.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Chunks compressed at once, before the writer waits for the first of them. */
const IN_FLIGHT = 4;

export class PartDeflater implements ChunkSink {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly output: Promise<ArrayBuffer>;
  private readonly free: Uint8Array[] = [];
  private readonly inFlight: Promise<void>[] = [];
  private size = 0;

  static available(): boolean {
    return typeof CompressionStream !== "undefined";
  }

  constructor() {
    const stream = new CompressionStream("gzip");
    this.writer = stream.writable.getWriter();
    // Read from the start: a compressed side left unread would stop the writing side once its queue filled.
    this.output = new Response(stream.readable).arrayBuffer();
    // Its failure is reported by finish(); until then it must not count as unhandled.
    this.output.catch(() => undefined);
  }

  buffer(size: number): Uint8Array {
    const reused = this.free.pop();
    return reused && reused.length >= size ? reused : new Uint8Array(size);
  }

  take(buffer: Uint8Array, length: number): void {
    this.size += length;
    // A write settles once the compressor has consumed the chunk, so its buffer may then be written again.
    const written = this.writer
      .write(buffer.subarray(0, length) as BufferSource)
      .then(() => void this.free.push(buffer));
    // A failure is thrown by settle() or finish(); a part abandoned on an error elsewhere must not add another.
    written.catch(() => undefined);
    this.inFlight.push(written);
  }

  /**
   * The writer's pause, every 32 rows: a turn of the event loop, so the compressor (which comes back to the main
   * thread for every 16 KB it gives in Node) keeps working beside the writer; and a wait while too many chunks are
   * in flight, so memory stays bounded.
   */
  async settle(): Promise<void> {
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
    await nextTask();
  }

  async finish(): Promise<DeflatedPart> {
    await Promise.all(this.inFlight);
    await this.writer.close();
    const gzip = new Uint8Array(await this.output);
    return { kind: "deflated", ...gzipMember(gzip, this.size), size: this.size };
  }
}

const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FHCRC = 2;

/**
 * The deflate stream and CRC of a one-member gzip file (RFC 1952) of `size` bytes: the CRC comes from its
 * trailer, so a 150 MB sheet is never checksummed in JavaScript.
 */
export function gzipMember(gzip: Uint8Array, size: number): { data: Uint8Array; crc: number } {
  const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
  if (gzip.length < 18 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) {
    throw new PackageError("The platform's compressor gave something other than gzip; the workbook was not saved.");
  }
  const flags = gzip[3];
  let at = 10;
  if (flags & FEXTRA) at += 2 + view.getUint16(at, true);
  const skipText = () => {
    while (at < gzip.length && gzip[at] !== 0) at++;
    at++;
  };
  if (flags & FNAME) skipText();
  if (flags & FCOMMENT) skipText();
  if (flags & FHCRC) at += 2;
  const end = gzip.length - 8;
  if (at > end || view.getUint32(end + 4, true) !== size % 0x100000000) {
    throw new PackageError("The platform's compressor gave a damaged stream; the workbook was not saved.");
  }
  return { data: gzip.subarray(at, end), crc: view.getUint32(end, true) };
}
