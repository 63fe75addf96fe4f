import fc from "fast-check";
import { seatCost, volumeDiscount, type VolumeTier } from "../../src/model";

/** model.md, "The per-seat cost": the tiers of its worked example. */
const TIERS: VolumeTier[] = [
  { minSeats: 50, discount: 0.05 },
  { minSeats: 150, discount: 0.1 },
  { minSeats: 500, discount: 0.2 },
];

describe("seat cost: model.md's worked example", () => {
  it("200 seats at 30 a month for 12 months with the three tiers cost 64,800", () => {
    expect(seatCost(200, 30, 12, TIERS)).toBeCloseTo(64800, 0);
  });

  it("without tiers it is seats × price × months", () => {
    expect(seatCost(200, 30, 12)).toBe(72000);
  });
});

describe("volume tiers", () => {
  it("takes the tier with the largest minimum at most the seats", () => {
    expect(volumeDiscount(200, TIERS)).toBe(0.1);
    expect(volumeDiscount(150, TIERS)).toBe(0.1);
    expect(volumeDiscount(149, TIERS)).toBe(0.05);
    expect(volumeDiscount(500, TIERS)).toBe(0.2);
    expect(volumeDiscount(10_000, TIERS)).toBe(0.2);
  });

  it("reads the rows in any order", () => {
    const shuffled = [TIERS[2], TIERS[0], TIERS[1]];
    expect(volumeDiscount(200, shuffled)).toBe(0.1);
    expect(seatCost(200, 30, 12, shuffled)).toBeCloseTo(64800, 0);
    expect(volumeDiscount(600, [...TIERS].reverse())).toBe(0.2);
  });

  it("gives no discount where no tier applies", () => {
    expect(volumeDiscount(49, TIERS)).toBe(0);
    expect(seatCost(49, 30, 12, TIERS)).toBe(49 * 30 * 12);
    expect(volumeDiscount(200, [])).toBe(0);
  });

  it("gives all seats the tier's price, not only those above its minimum", () => {
    // 150 seats at 10 % off: 150 × 30 × 12 × 0.9, not 50 at 5 % and 100 at 10 %.
    expect(seatCost(150, 30, 12, TIERS)).toBeCloseTo(48600, 6);
  });

  it("takes fractional seats (FTE)", () => {
    expect(seatCost(12.5, 40, 12)).toBeCloseTo(6000, 6);
    expect(volumeDiscount(49.5, TIERS)).toBe(0);
    expect(volumeDiscount(50.5, TIERS)).toBe(0.05);
    expect(seatCost(149.5, 20, 12, TIERS)).toBeCloseTo(149.5 * 20 * 12 * 0.95, 6);
  });
});

describe("invariants", () => {
  const tier = fc.record({
    minSeats: fc.double({ min: 0, max: 10_000, noNaN: true }),
    discount: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  });
  const tiers = fc.uniqueArray(tier, { selector: (t) => t.minSeats, maxLength: 6 });
  const seats = fc.double({ min: 0, max: 20_000, noNaN: true });
  const price = fc.double({ min: 0, max: 1000, noNaN: true });
  const months = fc.double({ min: 0, max: 120, noNaN: true });

  it("a seat cost is never negative", () => {
    fc.assert(
      fc.property(seats, price, months, tiers, (n, p, m, t) => {
        expect(seatCost(n, p, m, t)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("a discount never raises the cost", () => {
    fc.assert(
      fc.property(seats, price, months, tiers, (n, p, m, t) => {
        expect(seatCost(n, p, m, t)).toBeLessThanOrEqual(seatCost(n, p, m));
      }),
    );
  });

  it("the order of the rows never changes the discount", () => {
    fc.assert(
      fc.property(seats, tiers, (n, t) => {
        expect(volumeDiscount(n, [...t].reverse())).toBe(volumeDiscount(n, t));
      }),
    );
  });
});
