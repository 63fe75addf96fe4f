import type { Candidate, Tier, TierDecision } from "./tier";
import { nearlyEqual } from "./tolerance";

/** A ratio as a whole percentage, the way the Reason column shows it ("743 %"). */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100).toLocaleString("en-US")} %`;
}

function amount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** One clause about one candidate, naming it. */
function verdict(name: string, c: Candidate, hurdle: string): string {
  if (c.ruledOutBySensitiveData) return `${name}: sensitive data rules it out`;
  if (c.roi === null)
    return c.qualifies ? `${name} costs nothing and delivers value` : `${name} costs nothing and delivers nothing`;
  return c.qualifies
    ? `${name} ROI ${percent(c.roi)} clears the hurdle ${hurdle}`
    : `${name} ROI ${percent(c.roi)} is below the hurdle ${hurdle}`;
}

/** Why the model chose its tier, in plain words (sheets.md, the Reason column). */
export function explainDecision(d: TierDecision): string {
  const hurdle = percent(d.hurdleRoi);
  const ent = verdict("Enterprise", d.enterprise, hurdle);
  const con = verdict("Consumer", d.consumer, hurdle);
  if (d.tier === "None") return `${ent}; ${con}`;
  const [winner, loser, winnerName, loserName] =
    d.tier === "Enterprise" ? [d.enterprise, d.consumer, ent, con] : [d.consumer, d.enterprise, con, ent];
  if (!loser.qualifies) return `${winnerName}; ${loserName}`;
  const [wName, lName] = d.tier === "Enterprise" ? ["Enterprise", "Consumer"] : ["Consumer", "Enterprise"];
  const comparison =
    d.tier === "Consumer" && nearlyEqual(winner.net, loser.net)
      ? `${wName} nets the same as ${lName} (${amount(winner.net)}), and the cheaper tool wins a tie`
      : `${wName} nets ${amount(winner.net)} against ${lName}'s ${amount(loser.net)}`;
  return `${comparison}; both clear the hurdle ${hurdle}`;
}

/** The Reason for the tier that stands, set by hand or chosen. */
export function explainTier(override: Tier | null, d: TierDecision): string {
  if (override !== null) {
    return override === d.tier
      ? `Set by hand; the model also chose ${d.tier}`
      : `Set by hand; the model chose ${d.tier}`;
  }
  return explainDecision(d);
}
