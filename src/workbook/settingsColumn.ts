/**
 * How the wizard's saved state sits in the very hidden settings sheet (found by SETTINGS_MARKER): its JSON cut
 * into pieces down column A from A1, since a cell holds at most 32,767 characters. Both adapters read the sheet
 * this way, so state saved in the playground comes back in Excel.
 */
export const SETTINGS_CHUNK = 32_000;

export function splitSettings(json: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK) pieces.push(json.slice(i, i + SETTINGS_CHUNK));
  return pieces;
}

/** Column A's cells from A1 down; the JSON ends at the first cell that holds no text. */
export function joinSettings(cells: readonly unknown[]): string | null {
  let json = "";
  for (const cell of cells) {
    if (typeof cell !== "string" || cell === "") break;
    json += cell;
  }
  return json === "" ? null : json;
}
