export type IntegrationNeed = "none" | "light" | "deep";

export const INTEGRATION_NEEDS: readonly IntegrationNeed[] = ["none", "light", "deep"];

/** Share of a workflow's value that a general-purpose tool, used without integration, captures (model.md). */
export const STANDARD_CAPTURE: Readonly<Record<IntegrationNeed, number>> = Object.freeze({
  none: 1,
  light: 0.5,
  deep: 0.25,
});

export function capture(need: IntegrationNeed): number {
  return STANDARD_CAPTURE[need];
}
