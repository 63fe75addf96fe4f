/** A volume tier: from `minSeats` seats on, every seat gets `discount` off. */
export interface VolumeTier {
  minSeats: number;
  discount: number;
}

/** The discount of the tier with the largest minimum at most `seats`; 0 where none applies. */
export function volumeDiscount(seats: number, tiers: readonly VolumeTier[]): number {
  let best: VolumeTier | null = null;
  for (const tier of tiers) {
    if (tier.minSeats <= seats && (best === null || tier.minSeats > best.minSeats)) best = tier;
  }
  return best === null ? 0 : best.discount;
}

/** The per-seat licence cost (model.md, "The per-seat cost"). */
export function seatCost(
  seats: number,
  pricePerSeatMonth: number,
  months: number,
  tiers: readonly VolumeTier[] = [],
): number {
  return seats * pricePerSeatMonth * months * (1 - volumeDiscount(seats, tiers));
}
