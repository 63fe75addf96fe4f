/** Within a relative 1e-9: rounding noise must never flip a decision (model.md, "Conventions"). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function atLeast(a: number, b: number): boolean {
  return a >= b || nearlyEqual(a, b);
}
