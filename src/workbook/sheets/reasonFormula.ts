import type { Candidate, Tier, TierDecision } from "../../model";
import { nearlyEqual } from "../../model";
import { allocationLetter, workingsCell } from "./geometry";
import { textAmount, textPercent, textPercentDown } from "./formulaText";
import { INPUT_NAMES } from "./names";

/**
 * AI Allocation's Reason, as a formula and as the text that formula gives. The wording is the first version's
 * (src/model/reason.ts): a clause per candidate, naming it, the nets where both qualify, and the tier set by
 * hand. Percentages are TEXT(x, "0 %"), rounded down where a ROI is below the hurdle so 99.6 % never reads as
 * "100 % is below the hurdle 100 %"; amounts are TEXT(x, "#,##0"). The TypeScript mirror builds the cached text
 * from the model's figures; test/live/ checks that LibreOffice's recalculation gives the same text.
 */

const HURDLE_TEXT = `TEXT(${INPUT_NAMES.hurdleRoi},"0 %")`;

/** "Sensitive data is sensitive unless it is No or empty" (TRIM, any case), as a formula over a cell. */
export function sensitiveFormula(cell: string): string {
  return `NOT(OR(TRIM(${cell})="",LOWER(TRIM(${cell}))="no"))`;
}

/** A Tier set by hand the model accepts: Enterprise, None, or Consumer where the data is not sensitive. */
export function handAcceptedFormula(hand: string, sensitive: string): string {
  const word = `LOWER(TRIM(${hand}))`;
  return `OR(${word}="enterprise",${word}="none",AND(${word}="consumer",NOT(${sensitive})))`;
}

function verdictFormula(name: string, roi: string, qualifies: string): string {
  return (
    `IF(${roi}="",IF(${qualifies},"${name} costs nothing and delivers value","${name} costs nothing and delivers nothing"),` +
    `IF(${qualifies},"${name} ROI "&TEXT(${roi},"0 %")&" clears the hurdle "&${HURDLE_TEXT},` +
    `"${name} ROI "&TEXT(ROUNDDOWN(${roi}*100,0)/100,"0 %")&" is below the hurdle "&${HURDLE_TEXT}))`
  );
}

/** The Reason formula for AI Allocation's row `row`. */
export function reasonFormula(row: number): string {
  const own = (header: Parameters<typeof allocationLetter>[0]) => `${allocationLetter(header)}${row}`;
  const wk = (header: Parameters<typeof workingsCell>[0]) => workingsCell(header, row);
  const sensitive = sensitiveFormula(own("Sensitive data"));
  const modelTier = wk("Model's tier");
  const netE = `(${wk("Enterprise PV benefits")}-${wk("Enterprise PV costs")})`;
  const netC = `(${wk("Consumer PV benefits")}-${wk("Consumer PV costs")})`;
  const ent = verdictFormula("Enterprise", wk("Enterprise ROI"), wk("Enterprise qualifies"));
  const con = `IF(${sensitive},"Consumer: sensitive data rules it out",${verdictFormula("Consumer", wk("Consumer ROI"), wk("Consumer qualifies"))})`;
  const both = `"; both clear the hurdle "&${HURDLE_TEXT}`;
  const tie = `ABS(${netC}-${netE})<=1E-9*MAX(ABS(${netC}),ABS(${netE}))`;
  const decision =
    `IF(${modelTier}="None",${ent}&"; "&${con},` +
    `IF(${modelTier}="Enterprise",IF(${wk("Consumer qualifies")},"Enterprise nets "&TEXT(${netE},"#,##0")&" against Consumer's "&TEXT(${netC},"#,##0")&${both},${ent}&"; "&${con}),` +
    `IF(${wk("Enterprise qualifies")},IF(${tie},"Consumer nets the same as Enterprise ("&TEXT(${netC},"#,##0")&"), and the cheaper tool wins a tie","Consumer nets "&TEXT(${netC},"#,##0")&" against Enterprise's "&TEXT(${netE},"#,##0"))&${both},${con}&"; "&${ent})))`;
  const hand = own("Tier set by hand");
  const tier = own("Tier");
  const byHand =
    `IF(${handAcceptedFormula(hand, sensitive)},IF(${tier}=${modelTier},"Set by hand; the model also chose "&${modelTier},"Set by hand; the model chose "&${modelTier}),` +
    `IF(LOWER(TRIM(${hand}))="consumer","Consumer set by hand is refused (sensitive data rules it out), so the model's "&${modelTier}&" stands",` +
    `"Tier set by hand """&TRIM(${hand})&""" is not Enterprise, Consumer or None, so the model's "&${modelTier}&" stands"))`;
  const number = (header: Parameters<typeof allocationLetter>[0]) =>
    `NOT(ISNUMBER(${own(header)})),"No figures: ${header} is empty or not a number",`;
  const optional = (header: Parameters<typeof allocationLetter>[0]) =>
    `AND(${own(header)}<>"",NOT(ISNUMBER(${own(header)}))),"No figures: ${header} must be a number or empty",`;
  const conditions = [
    number("People"),
    number("Tasks per person per month"),
    number("Minutes saved per task"),
    number("Hourly cost"),
    optional("Adoption"),
    optional("Integration cost"),
    optional("Vendor survival"),
  ];
  // Nested IFs rather than IFS, which Excel 2010 lacks.
  let invalid = `IF(${wk("Standard capture")}="","No figures: Integration """&TRIM(${own("Integration")})&""" is not none, light or deep","")`;
  for (const condition of [...conditions].reverse()) invalid = `IF(${condition}${invalid})`;
  return `=IF(${wk("Hours saved")}="",${invalid},IF(TRIM(${hand})="",${decision},${byHand}))`;
}

function verdictText(name: string, c: Candidate, hurdle: string): string {
  if (c.roi === null)
    return c.qualifies ? `${name} costs nothing and delivers value` : `${name} costs nothing and delivers nothing`;
  return c.qualifies
    ? `${name} ROI ${textPercent(c.roi)} clears the hurdle ${hurdle}`
    : `${name} ROI ${textPercentDown(c.roi)} is below the hurdle ${hurdle}`;
}

/** What the decision part of the Reason formula gives for the model's decision. */
export function decisionText(d: TierDecision): string {
  const hurdle = textPercent(d.hurdleRoi);
  const ent = verdictText("Enterprise", d.enterprise, hurdle);
  const con = d.consumer.ruledOutBySensitiveData
    ? "Consumer: sensitive data rules it out"
    : verdictText("Consumer", d.consumer, hurdle);
  const both = `; both clear the hurdle ${hurdle}`;
  if (d.tier === "None") return `${ent}; ${con}`;
  if (d.tier === "Enterprise") {
    return d.consumer.qualifies
      ? `Enterprise nets ${textAmount(d.enterprise.net)} against Consumer's ${textAmount(d.consumer.net)}${both}`
      : `${ent}; ${con}`;
  }
  if (!d.enterprise.qualifies) return `${con}; ${ent}`;
  return nearlyEqual(d.consumer.net, d.enterprise.net)
    ? `Consumer nets the same as Enterprise (${textAmount(d.consumer.net)}), and the cheaper tool wins a tie${both}`
    : `Consumer nets ${textAmount(d.consumer.net)} against Enterprise's ${textAmount(d.enterprise.net)}${both}`;
}

/**
 * What the Reason formula gives for a row the model analysed, with `typed` in Tier set by hand (as the user typed
 * it; null or "" for none): the model's decision, or what became of the tier set by hand.
 */
export function reasonText(decision: TierDecision, sensitive: boolean, typed: string | null): string {
  const word = (typed ?? "").trim();
  if (word === "") return decisionText(decision);
  const lower = word.toLowerCase();
  const model: Tier = decision.tier;
  const accepted = lower === "enterprise" || lower === "none" || (lower === "consumer" && !sensitive);
  if (accepted) {
    return lower === model.toLowerCase()
      ? `Set by hand; the model also chose ${model}`
      : `Set by hand; the model chose ${model}`;
  }
  if (lower === "consumer")
    return `Consumer set by hand is refused (sensitive data rules it out), so the model's ${model} stands`;
  return `Tier set by hand "${word}" is not Enterprise, Consumer or None, so the model's ${model} stands`;
}

/** The Tier that a Tier set by hand gives, as the Tier formula reads it. */
export function tierWithHand(model: Tier, sensitive: boolean, typed: string | null): Tier {
  const lower = (typed ?? "").trim().toLowerCase();
  if (lower === "enterprise") return "Enterprise";
  if (lower === "none") return "None";
  if (lower === "consumer" && !sensitive) return "Consumer";
  return model;
}
