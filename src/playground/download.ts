/**
 * "Budget.xlsx" → "Budget-analysed.xlsx": the result never takes the name of the file it came from. A
 * macro-enabled workbook stays one (Excel will not open macros saved under .xlsx).
 */
export function resultFileName(name: string): string {
  const macro = /\.xlsm$/i.test(name);
  const base = name.replace(/\.xls[xm]$/i, "").trim() || "workbook";
  return `${base}-analysed.${macro ? "xlsm" : "xlsx"}`;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands bytes to the browser as a download: made in the page, sent nowhere. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled; free it after that turn.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
