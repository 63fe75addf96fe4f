import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, requireBrowserAndBuild } from "./harness";

/** The scripts a built page loads, in order, as written in its script tags. */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(DIST, page), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
}

// Text that only ExcelJS's bundle carries: the paths of an .xlsx package it reads and writes.
const EXCELJS_MARKERS = ["xl/worksheets/", "xl/sharedStrings.xml", "docProps/core.xml"];

describe("what the built pages load", () => {
  beforeAll(() => requireBrowserAndBuild("taskpane.html"));

  test("the task pane loads office.js, the functions and its own script, and never ExcelJS", () => {
    const scripts = pageScripts("taskpane.html");
    expect(scripts.filter((src) => !src.endsWith("office.js"))).toEqual(["functions.js", "taskpane.js"]);
    for (const src of ["functions.js", "taskpane.js"]) {
      const code = readFileSync(join(DIST, src), "utf8");
      for (const marker of EXCELJS_MARKERS) expect([src, marker, code.includes(marker)]).toEqual([src, marker, false]);
      // No chunk to load later either: the pane's code is all in the files its page names.
      expect([src, code.includes("chunks/")]).toEqual([src, false]);
    }
  });

  test("the playground keeps ExcelJS out of its first script and loads it as a chunk when needed", () => {
    expect(pageScripts("playground.html")).toEqual(["playground.js"]);
    const code = readFileSync(join(DIST, "playground.js"), "utf8");
    for (const marker of EXCELJS_MARKERS) expect([marker, code.includes(marker)]).toEqual([marker, false]);
    expect(code).toContain("xlsx-workbook");
  });

  test("both pages carry a Content-Security-Policy that allows scripts from their own origin only", () => {
    for (const [page, extra] of [
      ["taskpane.html", " https://appsforoffice.microsoft.com"],
      ["playground.html", ""],
    ]) {
      const html = readFileSync(join(DIST, page), "utf8");
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect([page, csp]).toEqual([page, expect.stringContaining(`script-src 'self'${extra};`)]);
      expect([page, csp]).toEqual([page, expect.stringContaining("connect-src 'self';")]);
      expect([page, /<div id="?root"?>/.test(html)]).toEqual([page, true]);
    }
  });
});
