import { unzipSync } from "fflate";
import { XlsxError } from "./read/errors";

/**
 * What a file handed to the .xlsx adapter is, told from its bytes before anything tries to read it as a workbook,
 * so that a user who picked the wrong file is told what it is and what to do, in words of their own tools and
 * never in a library's.
 */
export type FileKind =
  /** An OPC spreadsheet package (.xlsx, .xlsm, .xltx, .xltm, .xlam): the one kind that can be read. */
  | "workbook"
  | "empty"
  | "xls"
  | "encrypted"
  | "compoundNotWorkbook"
  | "xlsb"
  | "ods"
  | "openDocumentNotSpreadsheet"
  | "officeNotWorkbook"
  | "zipNotWorkbook"
  | "damagedZip"
  | "damagedWorkbook"
  | "csv"
  | "html"
  | "xmlSpreadsheet2003"
  | "text"
  | "unknown";

export interface FileIdentity {
  kind: FileKind;
  /** For the user: what the file is and what to do; null for a readable workbook. */
  problem: string | null;
  /** A workbook whose package holds a VBA project or whose workbook part is macro-enabled (.xlsm). */
  macroEnabled: boolean;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * The stream and storage names in a compound file's directory. Directory entries are 128-byte records that start
 * on 128-byte boundaries after the header; reading every such record that looks like one (a name length that
 * fits, a known object type) finds them without following the sector chains, which damage could break.
 */
function compoundFileNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    const nameLength = bytes[offset + 64] | (bytes[offset + 65] << 8);
    const type = bytes[offset + 66];
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    let name = "";
    let plausible = true;
    for (let i = 0; i < nameLength - 2; i += 2) {
      const code = bytes[offset + i] | (bytes[offset + i + 1] << 8);
      if (code === 0) {
        plausible = false;
        break;
      }
      name += String.fromCharCode(code);
    }
    if (plausible && bytes[offset + nameLength - 2] === 0 && bytes[offset + nameLength - 1] === 0) names.add(name);
  }
  return names;
}

/** Content types of the workbook part of every SpreadsheetML package kind (the same in strict and transitional). */
const WORKBOOK_CONTENT_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);

const MACRO_CONTENT_TYPES = new Set([
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);

/** Small parts read to tell kinds of zip apart; anything larger than this is not what it claims to be. */
const SMALL_PART = 4 * 1024 * 1024;

interface ZipListing {
  names: string[];
  small: Record<string, Uint8Array>;
}

function listZip(bytes: Uint8Array): ZipListing | null {
  const names: string[] = [];
  const wanted = new Set(["[content_types].xml", "mimetype"]);
  try {
    const small = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return (
          wanted.has(file.name.toLowerCase()) &&
          file.originalSize <= SMALL_PART &&
          (file.compression === 0 || file.compression === 8)
        );
      },
    });
    return { names, small };
  } catch {
    return null;
  }
}

function latin(bytes: Uint8Array | undefined, max = SMALL_PART): string {
  if (!bytes) return "";
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, max));
}

function described(fileName: string | undefined): string {
  return fileName ? `"${fileName}"` : "This file";
}

const SAVE_AS_XLSX = "Open it in Excel and save it as an Excel Workbook (.xlsx): File > Save As, then try again.";

function identifyZip(bytes: Uint8Array, it: string): FileIdentity {
  const listing = listZip(bytes);
  const fail = (kind: FileKind, problem: string): FileIdentity => ({ kind, problem, macroEnabled: false });
  if (!listing) {
    return fail(
      "damagedZip",
      `${it} is damaged: it starts like a zip file (as an .xlsx workbook is) but its contents cannot be read, ` +
        "perhaps because it was cut short while being copied or downloaded. Get a fresh copy of the file, or open " +
        "it in Excel and let Excel repair it, then save it again.",
    );
  }
  const lower = new Map(listing.names.map((n) => [n.toLowerCase(), n]));
  const mimetypeName = lower.get("mimetype");
  const mimetype = mimetypeName ? latin(listing.small[mimetypeName]).trim() : "";
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet") {
    return fail(
      "ods",
      `${it} is an OpenDocument spreadsheet (.ods), as LibreOffice and others save by default. Save it as .xlsx: ` +
        'in LibreOffice choose File > Save As and the type "Excel 2007-365 (.xlsx)"; in Excel, File > Save As, ' +
        "Excel Workbook (.xlsx). Then try again.",
    );
  }
  if (mimetype.startsWith("application/vnd.oasis.opendocument.")) {
    return fail(
      "openDocumentNotSpreadsheet",
      `${it} is an OpenDocument file but not a spreadsheet (it is ${mimetype.slice(mimetype.lastIndexOf(".") + 1)}). ` +
        "Choose the budget workbook (.xlsx) instead.",
    );
  }
  const contentTypesName = lower.get("[content_types].xml");
  const contentTypes = contentTypesName ? latin(listing.small[contentTypesName]) : "";
  const binaryWorkbook =
    lower.has("xl/workbook.bin") || /application\/vnd\.ms-excel\.sheet\.binary\.macroEnabled\.main/i.test(contentTypes);
  if (binaryWorkbook) {
    return fail("xlsb", `${it} is an Excel Binary Workbook (.xlsb), which this tool cannot read. ${SAVE_AS_XLSX}`);
  }
  const declaredWorkbook = [...WORKBOOK_CONTENT_TYPES].some((t) => contentTypes.includes(t));
  const hasWorkbookPart = lower.has("xl/workbook.xml") || declaredWorkbook;
  if (hasWorkbookPart) {
    const macroEnabled =
      [...MACRO_CONTENT_TYPES].some((t) => contentTypes.includes(t)) ||
      listing.names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
    if (!contentTypesName) {
      return {
        kind: "damagedWorkbook",
        macroEnabled,
        problem:
          `${it} is a damaged workbook: its list of parts ([Content_Types].xml) is missing. Open it in Excel, let ` +
          "Excel repair it, and save it again.",
      };
    }
    return { kind: "workbook", problem: null, macroEnabled };
  }
  if (lower.has("word/document.xml") || /wordprocessingml\.document\.main/.test(contentTypes)) {
    return fail(
      "officeNotWorkbook",
      `${it} is a Word document, not an Excel workbook. Choose the budget workbook (.xlsx).`,
    );
  }
  if (lower.has("ppt/presentation.xml") || /presentationml\.(presentation|slideshow)\.main/.test(contentTypes)) {
    return fail(
      "officeNotWorkbook",
      `${it} is a PowerPoint presentation, not an Excel workbook. Choose the budget workbook (.xlsx).`,
    );
  }
  if (listing.names.some((n) => /^xl\/worksheets\//i.test(n))) {
    return fail(
      "damagedWorkbook",
      `${it} holds worksheets but no workbook part (xl/workbook.xml), so it is a damaged or partial workbook. ` +
        "Open it in Excel, let Excel repair it, and save it again.",
    );
  }
  return fail(
    "zipNotWorkbook",
    `${it} is a zip archive, not an Excel workbook. If the workbook is inside it, unzip it first and choose the .xlsx file.`,
  );
}

function identifyCompound(bytes: Uint8Array, it: string): FileIdentity {
  const names = compoundFileNames(bytes);
  const fail = (kind: FileKind, problem: string): FileIdentity => ({ kind, problem, macroEnabled: false });
  if (names.has("EncryptedPackage") || names.has("EncryptionInfo")) {
    return fail(
      "encrypted",
      `${it} is protected with a password to open, so it cannot be read. Remove the password in Excel: ` +
        "File > Info > Protect Workbook > Encrypt with Password, clear the password, save, and try again.",
    );
  }
  if (names.has("Workbook") || names.has("Book")) {
    return fail("xls", `${it} is an Excel 97-2003 workbook (.xls), which this tool cannot read. ${SAVE_AS_XLSX}`);
  }
  if (names.has("WordDocument")) {
    return fail(
      "compoundNotWorkbook",
      `${it} is a Word 97-2003 document, not an Excel workbook. Choose the budget workbook (.xlsx).`,
    );
  }
  if (names.has("PowerPoint Document")) {
    return fail(
      "compoundNotWorkbook",
      `${it} is a PowerPoint 97-2003 presentation, not an Excel workbook. Choose the budget workbook (.xlsx).`,
    );
  }
  return fail(
    "compoundNotWorkbook",
    `${it} is an older Office or Windows file (a compound file), but not an Excel workbook that can be read. ` +
      "If it is a workbook, open it in Excel and save it as an Excel Workbook (.xlsx).",
  );
}

/** Text as a person or another program wrote it, not a binary file: no NUL bytes near the start. */
function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true; // UTF-16 with a BOM
  return !head.includes(0);
}

function decodeHead(head: Uint8Array): string {
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(head);
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(head);
  return new TextDecoder("utf-8", { fatal: false }).decode(head);
}

/** Lines that share a separator (comma, semicolon or tab) the same number of times: rows of a table. */
function looksLikeDelimited(text: string): boolean {
  const lines = text
    .split(/\r\n|\n|\r/)
    .slice(0, 20)
    .filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  return [",", ";", "\t"].some((sep) => {
    const counts = lines.slice(0, lines.length > 1 ? -1 : undefined).map((l) => l.split(sep).length - 1);
    return counts[0] > 0 && counts.every((c) => c === counts[0]);
  });
}

function identifyText(bytes: Uint8Array, it: string, fileName: string | undefined): FileIdentity {
  const text = decodeHead(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
  const fail = (kind: FileKind, problem: string): FileIdentity => ({ kind, problem, macroEnabled: false });
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (text.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return fail("xmlSpreadsheet2003", `${it} is an XML Spreadsheet 2003 file, not an .xlsx workbook. ${SAVE_AS_XLSX}`);
  }
  if (/^(<!doctype html|<html|<table|<meta|<head)/.test(start) || /<html[\s>]/.test(start)) {
    return fail(
      "html",
      `${it} is a web page (HTML), perhaps a table saved from a website or by "Save as Web Page", not an Excel ` +
        `workbook. ${SAVE_AS_XLSX}`,
    );
  }
  const csvName = fileName !== undefined && /\.(csv|tsv|tab)$/i.test(fileName);
  if (csvName || looksLikeDelimited(text)) {
    return fail(
      "csv",
      `${it} is a text file of values separated by commas, semicolons or tabs (CSV), not an Excel workbook. ` +
        `${SAVE_AS_XLSX}`,
    );
  }
  return fail("text", `${it} is a text file, not an Excel workbook. Choose the budget workbook (.xlsx).`);
}

/** What `bytes` are. `fileName`, where known, is named in the message. */
export function identifyFile(bytes: Uint8Array, fileName?: string): FileIdentity {
  const it = described(fileName);
  if (bytes.length === 0) {
    return {
      kind: "empty",
      problem: `${it} is empty (0 bytes): it holds no workbook. Choose the saved budget workbook (.xlsx).`,
      macroEnabled: false,
    };
  }
  if (isZip(bytes)) return identifyZip(bytes, it);
  if (startsWith(bytes, CFB_MAGIC)) return identifyCompound(bytes, it);
  if (looksLikeText(bytes.subarray(0, 8192))) return identifyText(bytes, it, fileName);
  return {
    kind: "unknown",
    problem:
      `${it} is not an Excel workbook (.xlsx) and its kind could not be recognised. ` +
      "Choose the budget workbook, saved from Excel as an Excel Workbook (.xlsx).",
    macroEnabled: false,
  };
}

/** Throws an XlsxError with the user's message unless `bytes` are a workbook package the adapter can open. */
export function assertWorkbookFile(bytes: Uint8Array, fileName?: string): FileIdentity {
  const identity = identifyFile(bytes, fileName);
  if (identity.problem !== null) throw new XlsxError(identity.problem);
  return identity;
}
