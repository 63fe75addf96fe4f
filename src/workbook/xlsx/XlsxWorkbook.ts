import type { GridValue, AnalysisLayout, LayoutChart, SheetLayout, SheetRole } from "../layout";
import { freeSheetName, SETTINGS_MARKER, SHEET_MARKERS, sheetReference } from "../marker";
import { bindLayout, type NameBindings } from "../bindNames";
import type { ProgressListener, SourceGrid, TableCandidate, WorkbookPort, WrittenSheet } from "../port";
import { splitSettings } from "../settingsColumn";
import { assertWorkbookFile } from "./fileKind";
import { EditedPackage } from "./package/editedPackage";
import { ZipPartSource } from "./package/partSourceZip";
import { openReader, XlsxError, type SheetEntry, type WorkbookIndex, type WorkbookReader } from "./read";
import { blockAddress, splitReference } from "./sheetAddress";
import { CONTENT_TYPE, namespacesFor, XML_HEADER } from "./write/namespaces";
import { relationshipsXml } from "./write/registration";
import { writeSheets, type NameChanges, type SheetToWrite } from "./write/sheetWriter";
import { newStylesXml } from "./write/styleBook";
import { tableHeaders } from "./write/tableXml";
import { blockOf } from "./write/worksheetXml";

export { XlsxError } from "./read";

/** A chart the layout asked for that could not be added to the saved file. */
export interface ChartNotDrawn {
  sheet: string;
  chart: LayoutChart;
}

function toUint8Array(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

const LOCKED =
  "This workbook's structure is protected, so no sheet can be added to it and it was left as it is. " +
  "Unprotect it in Excel (Review > Protect Workbook, then enter its password), save it, and try again.";

/** Characters Excel refuses in a sheet name, and its length limit. */
function validSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[\\/?*[\]:]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, 31);
}

/** A name no table or workbook-level defined name holds: the wanted one, else Wanted2, Wanted3, … (sheets.md). */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** "C4" → "$C$4", "C4:C9" → "$C$4:$C$9". */
function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((cell) => cell.replace(/\$/g, "").replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** The sheet a defined name's text points at, where it is a plain reference to one sheet. */
function sheetOfReference(text: string): string | null {
  const { sheet } = splitReference(text.replace(/^=/, ""));
  return sheet;
}

/** A chart can be drawn where its data has a header row and a label column, and its anchor is a cell. */
function drawable(chart: LayoutChart): boolean {
  try {
    const data = blockOf(chart.dataRange, "chart");
    blockOf(chart.anchor, "chart");
    return data.bottom > data.top && data.right > data.left;
  } catch {
    return false;
  }
}

/** The parts of a workbook made from nothing: no sheet yet (the first one written is the first tab). */
function freshPackage(): EditedPackage {
  const ns = namespacesFor(false);
  const pkg = new EditedPackage(null);
  pkg.put(
    "[Content_Types].xml",
    XML_HEADER +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
  );
  pkg.put(
    "_rels/.rels",
    relationshipsXml([{ id: "rId1", type: ns.relType("officeDocument"), target: "xl/workbook.xml" }]),
  );
  pkg.put(
    "xl/workbook.xml",
    XML_HEADER +
      `<workbook xmlns="${ns.main}" xmlns:r="${ns.relationships}"><bookViews><workbookView/></bookViews>` +
      `<sheets></sheets></workbook>`,
  );
  pkg.put(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([{ id: "rId1", type: ns.relType("styles"), target: "styles.xml" }]),
  );
  pkg.put("xl/styles.xml", newStylesXml(ns.main));
  return pkg;
}

/** What the writer needs to know of a package that has no sheet yet (the reader wants at least one). */
function emptyIndex(): WorkbookIndex {
  return {
    workbookPart: "xl/workbook.xml",
    workbookRelsPart: "xl/_rels/workbook.xml.rels",
    workbookContentType: CONTENT_TYPE.workbook,
    contentTypes: { defaults: {}, overrides: {} },
    workbookRelationships: [],
    strict: false,
    date1904: false,
    lockStructure: false,
    hasMacros: false,
    sheets: [],
    definedNames: [],
    tables: [],
    sharedStringsPart: null,
    stylesPart: "xl/styles.xml",
  };
}

/**
 * The workbook port over an .xlsx/.xlsm package, for the command line and the browser playground: a surgical
 * editor of the package. It reads what it needs (src/workbook/xlsx/read), and writes by addition: the add-in's
 * own parts are added or replaced, four registration parts gain entries, and every other part of the user's
 * file is copied as stored, byte for byte (sheets.md, "What a copy of a workbook keeps"). Host-free: bytes in,
 * bytes out, so it runs in a browser bundle too.
 */
export class XlsxWorkbook implements WorkbookPort {
  /**
   * Charts of the last `writeAnalysis` that could not be drawn: their data range has no header row and label
   * column, or their anchor is no cell. Every other chart is written; the layout builder's always are.
   */
  chartsNotDrawn: ChartNotDrawn[] = [];

  private reader: WorkbookReader | null = null;

  private constructor(private readonly pkg: EditedPackage) {
    this.refresh();
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(freshPackage());
  }

  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const bytes = toUint8Array(data);
    assertWorkbookFile(bytes);
    try {
      return new XlsxWorkbook(new EditedPackage(ZipPartSource.open(bytes)));
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      // Never a library's own words: say what the file is and what to do.
      throw new XlsxError(
        "This workbook could not be read: it looks like an Excel workbook (.xlsx) but part of it is damaged. " +
          "Open it in Excel, which may repair it, and save it again as an Excel Workbook (.xlsx).",
      );
    }
  }

  /** The package with the edits made so far: every part not edited is the input's, as stored. */
  async save(): Promise<Uint8Array> {
    if (this.index().sheets.length === 0) {
      // A workbook made from nothing needs one sheet to be a workbook.
      await this.write([{ name: "Sheet1", rows: [], columnWidths: [], tables: [], charts: [] }], {
        remove: () => false,
        add: () => [],
      });
    }
    return await this.pkg.save();
  }

  private refresh(): void {
    // A workbook made from nothing has no sheet until the first is written; the reader wants one.
    const empty = this.pkg.input === null && !/<sheet\b/.test(this.pkg.text("xl/workbook.xml"));
    this.reader = empty ? null : openReader(this.pkg);
  }

  private index(): WorkbookIndex {
    return this.reader?.index ?? emptyIndex();
  }

  private async write(sheets: SheetToWrite[], names: NameChanges, onSheet?: (i: number) => void): Promise<string[][]> {
    const index = this.index();
    if (index.lockStructure) throw new XlsxError(LOCKED);
    const outcome = await writeSheets(this.pkg, index, sheets, names, (s) => s.tables.map((t) => t.name), onSheet);
    this.refresh();
    return outcome.tableNames;
  }

  private skipped(): Set<string> {
    const skip = new Set<string>();
    if (!this.reader) return skip;
    for (const own of this.reader.ownSheets()) skip.add(own.name);
    const settings = this.reader.settingsSheet();
    if (settings !== null) skip.add(settings);
    return skip;
  }

  async listTables(): Promise<TableCandidate[]> {
    return this.reader ? this.reader.listCandidates(this.skipped()) : [];
  }

  async readTable(id: string): Promise<SourceGrid> {
    if (!this.reader) throw new XlsxError(`There is no table named "${id}": this workbook has no sheets yet.`);
    return this.reader.readGrid(id);
  }

  async readNamedValues(names: readonly string[]): Promise<Record<string, GridValue>> {
    return this.reader ? this.reader.readNamedValues(names) : {};
  }

  async ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return this.reader ? this.reader.ownSheets() : [];
  }

  /** Names of tables and workbook-level defined names in use, except those `cut` says are about to go. */
  private takenNames(
    cutSheets: ReadonlySet<string>,
    cutName: (name: string, local: number | null) => boolean,
  ): Set<string> {
    const index = this.index();
    const taken = new Set<string>();
    for (const t of index.tables) {
      if (cutSheets.has(t.sheet.toLowerCase())) continue;
      taken.add(t.name.toLowerCase());
      taken.add(t.displayName.toLowerCase());
    }
    for (const n of index.definedNames) {
      if (n.localSheetId === null && !cutName(n.name, null)) taken.add(n.name.toLowerCase());
    }
    return taken;
  }

  async writeAnalysis(layout: AnalysisLayout, onProgress?: ProgressListener): Promise<WrittenSheet[]> {
    const index = this.index();
    if (index.lockStructure) throw new XlsxError(LOCKED);
    const byName = new Map(index.sheets.map((s) => [s.name.toLowerCase(), s]));
    const own = this.reader?.ownSheets() ?? [];
    // An earlier sheet of the same role is replaced in place: same entry, same part, same name.
    const replaced: (SheetEntry | undefined)[] = layout.sheets.map((sheet) => {
      const previous = own.find((o) => o.role === sheet.role);
      const entry = previous ? byName.get(previous.name.toLowerCase()) : undefined;
      return entry && entry.kind === "worksheet" && entry.part !== null ? entry : undefined;
    });
    const replacedNames = new Set(replaced.flatMap((e) => (e ? [e.name.toLowerCase()] : [])));
    const replacedPositions = new Set(replaced.flatMap((e) => (e ? [e.position] : [])));
    const markers = new Set(layout.sheets.map((s) => SHEET_MARKERS[s.role].toLowerCase()));

    const cut = new Set<string>();
    for (const n of index.definedNames) {
      const lower = n.name.toLowerCase();
      const onReplaced = replacedNames.has(sheetOfReference(n.text)?.toLowerCase() ?? "\u0000");
      const isOwn =
        n.localSheetId === null
          ? markers.has(lower) ||
            (lower.startsWith("aibudget_") && lower !== SETTINGS_MARKER.toLowerCase() && onReplaced)
          : replacedPositions.has(n.localSheetId) && lower.startsWith("_xlnm.");
      if (isOwn) cut.add(`${lower}|${n.localSheetId ?? ""}`);
    }
    const cutName = (name: string, local: number | null) => cut.has(`${name.toLowerCase()}|${local ?? ""}`);

    const bindings: Required<NameBindings> = { sheets: {}, tables: {}, names: {} };
    const sheetNames = index.sheets.map((s) => s.name);
    const foreign = new Set(
      index.sheets.filter((s) => !own.some((o) => o.name === s.name)).map((s) => s.name.toLowerCase()),
    );
    const finalNames = layout.sheets.map((sheet, i) => {
      const name = replaced[i]?.name ?? freeSheetName(validSheetName(sheet.name), sheetNames);
      if (!replaced[i]) sheetNames.push(name);
      if (name !== sheet.name) bindings.sheets[sheet.name] = name;
      return name;
    });
    const taken = this.takenNames(replacedNames, cutName);
    for (const sheet of layout.sheets) {
      for (const table of sheet.tables) {
        const name = freeName(table.name, taken);
        if (name !== table.name) bindings.tables[table.name] = name;
      }
    }
    for (const sheet of layout.sheets) {
      for (const n of sheet.names ?? []) {
        const name = freeName(n.name, taken);
        if (name !== n.name) bindings.names[n.name] = name;
      }
    }
    const bound = bindLayout(layout, bindings);
    this.chartsNotDrawn = [];
    const toWrite: SheetToWrite[] = bound.sheets.map((sheet, i) => ({
      ...sheet,
      name: finalNames[i],
      replaces: replaced[i],
      charts: sheet.charts.filter((chart) => {
        if (drawable(chart)) return true;
        this.chartsNotDrawn.push({ sheet: finalNames[i], chart });
        return false;
      }),
    }));

    const total = toWrite.length;
    onProgress?.({ done: 0, total, stage: `Writing ${toWrite[0]?.name ?? "the analysis"}` });
    await this.write(
      toWrite,
      {
        remove: cutName,
        add: (positions) =>
          bound.sheets.flatMap((sheet: SheetLayout, i) => {
            const name = finalNames[i];
            const names = [
              { name: SHEET_MARKERS[sheet.role], text: sheetReference(name) },
              ...(sheet.names ?? []).map((n) => ({ name: n.name, text: sheetReference(name, absoluteRef(n.ref)) })),
            ];
            const repeat = sheet.print?.repeatRows;
            const position = positions.get(name.toLowerCase());
            if (repeat && position !== undefined) {
              names.push({
                name: "_xlnm.Print_Titles",
                text: sheetReference(name, `$${repeat.first}:$${repeat.last}`),
                localSheetId: position,
              } as { name: string; text: string; localSheetId: number });
            }
            return names;
          }),
      },
      (i) => onProgress?.({ done: i + 1, total, stage: i + 1 < total ? `Writing ${toWrite[i + 1].name}` : "Written" }),
    );
    return layout.sheets.map((sheet, i) => ({
      role: sheet.role,
      name: finalNames[i],
      renamed: foreign.has(sheet.name.toLowerCase()),
    }));
  }

  async loadSettings(): Promise<string | null> {
    return this.reader ? this.reader.settings() : null;
  }

  async saveSettings(json: string): Promise<void> {
    const index = this.index();
    const existing = this.reader?.settingsSheet() ?? null;
    const entry = existing === null ? undefined : index.sheets.find((s) => s.name === existing);
    const replaces = entry && entry.kind === "worksheet" && entry.part !== null ? entry : undefined;
    const name =
      replaces?.name ??
      freeSheetName(
        SETTINGS_MARKER,
        index.sheets.map((s) => s.name),
      );
    const marker = SETTINGS_MARKER.toLowerCase();
    await this.write(
      [
        {
          name,
          rows: splitSettings(json).map((piece) => [{ value: piece }]),
          columnWidths: [],
          tables: [],
          charts: [],
          state: "veryHidden",
          replaces,
        },
      ],
      {
        remove: (n, local) => local === null && n.toLowerCase() === marker,
        add: () => [{ name: SETTINGS_MARKER, text: sheetReference(name) }],
      },
    );
  }

  async insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate> {
    if (rows.length === 0) throw new XlsxError("A table needs at least its header row.");
    const index = this.index();
    const name = freeSheetName(
      validSheetName(sheetName),
      index.sheets.map((s) => s.name),
    );
    const table = freeName(
      tableName,
      this.takenNames(new Set(), () => false),
    );
    const width = Math.max(...rows.map((r) => r.length));
    // Excel wants a body row under the header, even an empty one.
    const bottom = Math.max(rows.length, 2);
    const cells = rows.map((r) => r.map((value) => ({ value })));
    const block = { top: 1, left: 1, bottom, right: width };
    const address = blockAddress(block);
    await this.write(
      [
        {
          name,
          rows: cells,
          columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 32 : 14)),
          tables: [{ name: table, range: address }],
          charts: [],
        },
      ],
      { remove: () => false, add: () => [] },
    );
    return {
      id: table,
      kind: "table",
      sheet: name,
      address,
      headers: tableHeaders(cells, blockOf(address, "The table")),
      rowCount: bottom - 1,
    };
  }

  async selectCell(): Promise<void> {
    // No selection outside a host.
  }
}
