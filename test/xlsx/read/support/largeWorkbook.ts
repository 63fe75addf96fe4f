import { strToU8, zipSync } from "fflate";

/**
 * A workbook of `rows` workflows as Excel writes one (shared strings, a styles part, one sheet of plain cells with
 * a header row), built straight as XML so that making 100,000 rows takes a moment, not ExcelJS's minutes. The
 * sample company's seven workflows repeat, each named with its row number so every name is its own string.
 */

const HEADER = [
  "Workflow",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Sensitive data",
  "Integration",
  "Task type",
];

const SAMPLE: [string, number, number, number, number, string, string, string][] = [
  ["Customer support replies", 15, 240, 5, 45, "Yes", "Light", "Drafting"],
  ["Sales proposals and RFP answers", 10, 16, 60, 75, "No", "Light", "Drafting"],
  ["Financial analysis and reporting", 8, 40, 30, 85, "Yes", "Deep", "Research"],
  ["Contract review", 7, 20, 60, 110, "Yes", "Deep", "Extraction"],
  ["Operations reports", 35, 10, 15, 50, "No", "None", "Summarization"],
  ["Internal communications", 25, 10, 15, 55, "No", "None", "Drafting"],
  ["Warehouse and field operations", 100, 1, 5, 35, "No", "None", "Other"],
];

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function column(c: number): string {
  return String.fromCharCode(64 + c);
}

export function largeWorkbook(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const sheet: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    `<dimension ref="A1:H${rows + 1}"/><sheetData>`,
  ];
  const cells = (r: number, values: (string | number)[], moneyStyle: boolean) =>
    values
      .map((v, i) => {
        const ref = `${column(i + 1)}${r}`;
        const style = moneyStyle && i === 4 ? ' s="1"' : "";
        return typeof v === "number"
          ? `<c r="${ref}"${style}><v>${v}</v></c>`
          : `<c r="${ref}" t="s"><v>${shared(v)}</v></c>`;
      })
      .join("");
  sheet.push(`<row r="1" spans="1:8">${cells(1, HEADER, false)}</row>`);
  for (let r = 0; r < rows; r++) {
    const [name, ...rest] = SAMPLE[r % SAMPLE.length];
    sheet.push(`<row r="${r + 2}" spans="1:8">${cells(r + 2, [`${name} ${r + 1}`, ...rest], true)}</row>`);
  }
  sheet.push("</sheetData></worksheet>");
  const sst =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join("") +
    "</sst>";
  const files = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        '<sheets><sheet name="Workflows" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;€&quot;#,##0.00"/></numFmts>' +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        "</styleSheet>",
    ),
    "xl/sharedStrings.xml": strToU8(sst),
    "xl/worksheets/sheet1.xml": strToU8(sheet.join("")),
  };
  return zipSync(files, { level: 1 });
}
