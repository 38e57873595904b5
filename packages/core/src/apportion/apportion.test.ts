import { describe, expect, it } from "vitest";
import { APPORTION_METHODS, apportion, apportionInputSchema, type ApportionMethod } from "@sannong/core";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("apportion — TSDoc examples", () => {
  it("CORE-APPORTION-1: the documented examples give the documented output", () => {
    expect(apportion(10, [5, 3, 2]).seats).toEqual([5, 3, 2]);
    expect(apportion(8, [100000, 80000, 30000, 20000], { method: "jefferson" }).seats).toEqual([4, 3, 1, 0]);
    expect(apportion(8, [100000, 80000, 30000, 20000], { method: "adams" }).seats).toEqual([3, 3, 1, 1]);
    expect(apportion(1, [1, 1])).toEqual({ seats: [1, 0], ties: [{ among: [0, 1], awarded: [0], places: 1 }] });
    expect(apportion(5, [1, 1, 1], { method: "webster", min: [3, null, null] }).seats).toEqual([3, 1, 1]);
  });
});

describe("apportion — classic vectors from the apportionment literature", () => {
  it("CORE-APPORTION-1: Alabama paradox (Hamilton, populations 6, 6, 2): growing the house from 10 to 11 costs C a seat", () => {
    // House 10: quotas 4.286, 4.286, 1.429 → floors 4+4+1 = 9; the 10th place to C (.429 > .286).
    // House 11: quotas 4.714, 4.714, 1.571 → floors 9; places 10, 11 to A and B (.714 > .571).
    expect(apportion(10, [6, 6, 2]).seats).toEqual([4, 4, 2]);
    expect(apportion(11, [6, 6, 2]).seats).toEqual([5, 5, 1]);
  });

  it("CORE-APPORTION-1: Alabama paradox (Hamilton, populations 940, 9030, 10030): house 200 → 201 costs A a seat", () => {
    // 200: quotas 9.4, 90.3, 100.3 → 9+90+100 = 199, the last place to A (.4).
    // 201: quotas 9.447, 90.7515, 100.8015 → 199, the two left to C and B; A drops to 9.
    expect(apportion(200, [940, 9030, 10030]).seats).toEqual([10, 90, 100]);
    expect(apportion(201, [940, 9030, 10030]).seats).toEqual([9, 91, 101]);
  });

  it.each(["jefferson", "webster", "adams", "huntington-hill"] as const)(
    "CORE-APPORTION-1: %s is free of the Alabama paradox on the same vectors",
    (method) => {
      for (const w of [
        [6, 6, 2],
        [940, 9030, 10030],
      ]) {
        for (let h = 1; h < 220; h++) {
          const a = apportion(h, w, { method }).seats;
          const b = apportion(h + 1, w, { method }).seats;
          b.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(a[i]!));
        }
      }
    },
  );

  it("CORE-APPORTION-1: population paradox (Hamilton): A grows 6.1 %, B grows 5.1 %, yet A loses a seat to B", () => {
    // Before (10 places, Σ 1503): quotas 3.679, 1.564, 4.757 → 3+1+4; the 2 left to C (.757) and A (.679).
    // After (Σ 1726): quotas 3.401, 1.431, 5.168 → 3+1+5; the 1 left to B (.431 > .401).
    const before = [553, 235, 715];
    const after = [587, 247, 892];
    expect(34 / 553).toBeGreaterThan(12 / 235);
    expect(apportion(10, before).seats).toEqual([4, 1, 5]);
    expect(apportion(10, after).seats).toEqual([3, 2, 5]);
  });

  it("CORE-APPORTION-1: Jefferson favours the large state and breaks its upper quota; Adams favours the small ones", () => {
    // Populations 2100, 200, 100, 10 places: quotas 8.75, 0.833, 0.417.
    const w = [2100, 200, 100];
    expect(apportion(10, w).seats).toEqual([9, 1, 0]); // Hamilton
    // Jefferson: A's 10 priorities 2100/1 … 2100/10 = 210 all beat B's 200.
    expect(apportion(10, w, { method: "jefferson" }).seats).toEqual([10, 0, 0]);
    // Adams: a first seat each (w/0 = ∞), then A's 2100/1 … 2100/7 = 300 all beat B's 200/1.
    expect(apportion(10, w, { method: "adams" }).seats).toEqual([8, 1, 1]);
    expect(apportion(10, w, { method: "webster" }).seats).toEqual([9, 1, 0]);
  });

  it("CORE-APPORTION-1: Jefferson (D'Hondt) and Adams on a four-party textbook vote, 8 seats", () => {
    const votes = [100000, 80000, 30000, 20000];
    expect(apportion(8, votes, { method: "jefferson" }).seats).toEqual([4, 3, 1, 0]);
    expect(apportion(8, votes, { method: "adams" }).seats).toEqual([3, 3, 1, 1]);
    expect(apportion(8, votes).seats).toEqual([3, 3, 1, 1]);
    // Sainte-Laguë: 200k, 160k, 66.7k, 60k, 53.3k, then 40k (A) and 40k (D) both seat, then 32k (B).
    expect(apportion(8, votes, { method: "webster" })).toEqual({ seats: [3, 3, 1, 1], ties: [] });
  });

  it("CORE-APPORTION-1: Webster and Huntington–Hill differ (populations 1, 2, 9; 9 places)", () => {
    // Webster's 9th place: C's 9/6.5 = 1.385 beats B's 2/1.5 = 1.333 → [1, 1, 7].
    // Huntington–Hill's 9th: B's 2/√2 = 1.414 beats C's 9/√42 = 1.389 → [1, 2, 6].
    expect(apportion(9, [1, 2, 9], { method: "webster" }).seats).toEqual([1, 1, 7]);
    expect(apportion(9, [1, 2, 9], { method: "huntington-hill" }).seats).toEqual([1, 2, 6]);
  });

  it("CORE-APPORTION-1: D'Hondt seat table of a 7-seat, 4-list election (the common textbook table)", () => {
    // Votes 100000, 80000, 30000, 20000 → quotients /1../4; the 7 largest: 100k, 80k, 50k, 40k, 33.3k, 30k, 26.7k.
    expect(apportion(7, [100000, 80000, 30000, 20000], { method: "jefferson" }).seats).toEqual([3, 3, 1, 0]);
  });
});

describe("apportion — ties are reported", () => {
  it.each(APPORTION_METHODS)(
    "CORE-APPORTION-1: %s — two equal weights, one place: among [0, 1], awarded [0]",
    (method) => {
      expect(apportion(1, [1, 1], { method })).toEqual({
        seats: [1, 0],
        ties: [{ among: [0, 1], awarded: [0], places: 1 }],
      });
      expect(apportion(1, ["2.50", 2.5], { method })).toEqual({
        seats: [1, 0],
        ties: [{ among: [0, 1], awarded: [0], places: 1 }],
      });
    },
  );

  it.each(APPORTION_METHODS)(
    "CORE-APPORTION-1: %s — no tie is reported when the tied recipients all get a place",
    (method) => {
      expect(apportion(2, [1, 1], { method })).toEqual({ seats: [1, 1], ties: [] });
      expect(apportion(4, [1, 1, 2], { method })).toEqual({ seats: [1, 1, 2], ties: [] });
    },
  );

  it.each(APPORTION_METHODS)(
    "CORE-APPORTION-1: %s — three equal weights, two places: the two lowest indices",
    (method) => {
      expect(apportion(2, [7, 0, 7, 7], { method })).toEqual({
        seats: [1, 0, 1, 0],
        ties: [{ among: [0, 2, 3], awarded: [0, 2], places: 2 }],
      });
    },
  );

  it.each(["adams", "huntington-hill"] as const)(
    "CORE-APPORTION-1: %s with fewer places than positive weights: the infinite first-seat priorities tie",
    (method) => {
      // Every positive weight's first seat has priority w/0 = ∞, however unequal the weights.
      expect(apportion(2, [1, 1000, 0, 5], { method })).toEqual({
        seats: [1, 1, 0, 0],
        ties: [{ among: [0, 1, 3], awarded: [0, 1], places: 2 }],
      });
      // With enough places everyone positive gets one, and there is no tie.
      expect(apportion(3, [1, 1000, 0, 5], { method })).toEqual({ seats: [1, 1, 0, 1], ties: [] });
    },
  );

  it("CORE-APPORTION-1: Huntington–Hill ties exactly at a square-root divisor (1/√2 = 6/√72)", () => {
    // After [1, 8] the 10th place: A's 1/√(1·2) equals B's 6/√(8·9) exactly; floats disagree in the last bit.
    expect(1 / Math.sqrt(2) === 6 / Math.sqrt(72)).toBe(false);
    expect(apportion(10, [1, 6], { method: "huntington-hill" })).toEqual({
      seats: [2, 8],
      ties: [{ among: [0, 1], awarded: [0], places: 1 }],
    });
    expect(apportion(10, [6, 1], { method: "huntington-hill" })).toEqual({
      seats: [9, 1],
      ties: [{ among: [0, 1], awarded: [0], places: 1 }],
    });
  });

  it("CORE-APPORTION-1: a tie at the Hamilton remainder is reported with the places it decided", () => {
    // Quotas 1.5, 1.5, 1 (4 places over 3, 3, 2): floors 1+1+1; the last place is a tie between 0 and 1.
    expect(apportion(4, [3, 3, 2])).toEqual({ seats: [2, 1, 1], ties: [{ among: [0, 1], awarded: [0], places: 1 }] });
  });
});

describe("apportion — exact weights", () => {
  it.each(APPORTION_METHODS)(
    "CORE-APPORTION-1: %s tells apart weights that float64 cannot (2^53 + 1 vs 2^53)",
    (method) => {
      // biome-ignore lint/correctness/noPrecisionLoss: the point of this line is that the literal collapses
      expect(9007199254740993 === 9007199254740992).toBe(true); // as numbers they collapse
      // Adams and Huntington–Hill first give each a seat (priority ∞), so the deciding place is the third.
      const [places, low, high] = method === "adams" || method === "huntington-hill" ? [3, 1, 2] : [1, 0, 1];
      expect(apportion(places, ["9007199254740992", "9007199254740993"], { method })).toEqual({
        seats: [low, high],
        ties: [],
      });
      expect(apportion(places, ["0.100000000000000001", "0.1"], { method })).toEqual({ seats: [high, low], ties: [] });
    },
  );

  it.each(APPORTION_METHODS)(
    'CORE-APPORTION-1: %s reads decimal strings and numbers alike ("0.1" is one tenth, not the float)',
    (method) => {
      expect(apportion(7, [0.1, "0.2", 0.3], { method })).toEqual(apportion(7, ["1", 2, "3.0"], { method }));
    },
  );

  it("CORE-APPORTION-1: a large Webster problem equals the same problem with weights scaled by 10^-6", () => {
    const w = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 1000) + 1);
    const small = w.map((x) => (x / 1e6).toFixed(6));
    for (const method of APPORTION_METHODS) {
      const a = apportion(100_000, w, { method });
      expect(sum(a.seats)).toBe(100_000);
      expect(apportion(100_000, small, { method })).toEqual(a);
    }
  });
});

describe("apportion — the largest house (2^53 − 1 places)", () => {
  it.each(APPORTION_METHODS)("CORE-APPORTION-1: %s keeps every count a safe integer and the sum exact", (method) => {
    const w = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 997) + 1);
    const { seats } = apportion(Number.MAX_SAFE_INTEGER, w, { method });
    expect(seats.every((s) => Number.isSafeInteger(s) && s >= 0)).toBe(true);
    expect(seats.reduce((a, b) => a + BigInt(b), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it("CORE-APPORTION-1: Adams over 1, 2, 3 with 2^53 − 1 places: seats k, 2k, 3k (k = ⌊P/6⌋) and the one place left is a three-way tie", () => {
    // P = 6k + 1. At threshold 1/k every recipient's next seat has priority w/(w·k) = 1/k: a tie among all three.
    const k = 1501199875790165;
    expect(6 * k + 1).toBe(Number.MAX_SAFE_INTEGER);
    expect(apportion(Number.MAX_SAFE_INTEGER, [1, 2, 3], { method: "adams" })).toEqual({
      seats: [k + 1, 2 * k, 3 * k],
      ties: [{ among: [0, 1, 2], awarded: [0], places: 1 }],
    });
  });
});

describe("apportion — bounds and zero weights", () => {
  it.each(APPORTION_METHODS)("CORE-APPORTION-1: %s — a zero weight gets 0 seats, or its min", (method) => {
    expect(apportion(5, [0, 1, 1], { method }).seats[0]).toBe(0);
    expect(apportion(5, [0, 1, 1], { method, min: [2, null, null] }).seats).toEqual([2, 2, 1]);
    expect(apportion(3, [0, 0], { method, min: [1, 2] })).toEqual({ seats: [1, 2], ties: [] });
    expect(apportion(0, [0, 0], { method })).toEqual({ seats: [0, 0], ties: [] });
  });

  it("CORE-APPORTION-1: Hamilton with a max: what the cap cuts off is shared in proportion", () => {
    // Quotas 7.5, 1.5, 1 → A capped at 5; the 5 left over B and C (3:2) → 3, 2.
    expect(apportion(10, [15, 3, 2], { max: [5, null, null] }).seats).toEqual([5, 3, 2]);
    // A min of 2 lifts C above its quota 1; the 8 left are split 15:3 → 6.667, 1.333 → 7, 1.
    expect(apportion(10, [15, 3, 2], { min: [null, null, 2] })).toEqual({ seats: [7, 1, 2], ties: [] });
    // A min at or below the quota changes nothing (quota of C is exactly 1): the last place is a .5/.5 tie → A.
    expect(apportion(10, [15, 3, 2], { min: [null, null, 1] })).toEqual({
      seats: [8, 1, 1],
      ties: [{ among: [0, 1], awarded: [0], places: 1 }],
    });
  });

  it("CORE-APPORTION-1: divisor methods with max: the capped recipient stops, the next priorities take over", () => {
    expect(
      apportion(8, [100000, 80000, 30000, 20000], { method: "jefferson", max: [2, null, null, null] }).seats,
    ).toEqual([2, 4, 1, 1]);
    expect(
      apportion(8, [100000, 80000, 30000, 20000], { method: "jefferson", min: [null, null, null, 2] }).seats,
    ).toEqual([3, 2, 1, 2]);
  });

  it.each(APPORTION_METHODS)("CORE-APPORTION-1: %s — infeasible bounds are refused with code and amount", (method) => {
    let e = expectSannongError(() => apportion(5, [1, 1], { method, min: [3, 4] }), "INFEASIBLE_MIN", [
      "options",
      "min",
    ]);
    expect(e.details).toMatchObject({ minSum: "7", places: 5, by: "2" });
    e = expectSannongError(() => apportion(5, [1, 1], { method, max: [1, 2] }), "INFEASIBLE_MAX", ["options", "max"]);
    expect(e.details).toMatchObject({ reachable: "3", places: 5, by: "2" });
    e = expectSannongError(
      () => apportion(5, [1, 1], { method, min: [3, null], max: [1, null] }),
      "INFEASIBLE_BOUNDS",
      ["options", "min", 0],
    );
    expect(e.details).toMatchObject({ index: 0, min: 3, max: 1, by: "2" });
    // A zero weight can only hold its min, so its max does not absorb places.
    e = expectSannongError(() => apportion(5, [0, 1], { method, max: [9, 2] }), "INFEASIBLE_MAX", ["options", "max"]);
    expect(e.details).toMatchObject({ by: "3" });
  });

  it("CORE-APPORTION-1: the infeasibility error as a caller sees it (pinned)", () => {
    const e = expectSannongError(
      () => apportion(5, [1, 1, 0], { method: "webster", min: [3, 3, 1] }),
      "INFEASIBLE_MIN",
    );
    expect(asJson(e)).toMatchInlineSnapshot(`
      {
        "code": "INFEASIBLE_MIN",
        "details": {
          "by": "2",
          "minSum": "7",
          "places": 5,
        },
        "en": "the minimums add up to 7, more than the 5 places, by 2",
        "name": "PolicyError",
        "path": [
          "options",
          "min",
        ],
        "zh": "最少名额合计 7 超过名额总数 5，超出 2",
      }
    `);
  });

  it.each(APPORTION_METHODS)("CORE-APPORTION-1: %s — all-zero weights with places to give are refused", (method) => {
    const e = expectSannongError(() => apportion(3, [0, "0.00"], { method }), "ALL_ZERO_WEIGHTS", ["weights"]);
    expect(e.details).toMatchObject({ places: 3, by: "3" });
    expectSannongError(() => apportion(3, [0, 0], { method, min: [1, 1] }), "ALL_ZERO_WEIGHTS", ["weights"]);
  });
});

describe("apportion — determinism and immutability", () => {
  it.each(APPORTION_METHODS)("CORE-APPORTION-1: %s — frozen input, same output byte for byte, JSON-safe", (method) => {
    const weights = deepFreeze([5, "3.25", 0, 7, 7]);
    const options = deepFreeze({ method, min: [1, null, 0, null, null], max: [null, 3, null, 6, null] });
    const a = apportion(17, weights, options);
    const b = apportion(17, weights, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(asJson(a)).toEqual(a);
    expect(sum(a.seats)).toBe(17);
  });

  it("CORE-APPORTION-1: 1,000,000 places over 10,000 weights: every method sums exactly and divisor methods agree with their definition at the margin", () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const w = Array.from({ length: 10_000 }, () => Math.floor(rnd() * 1_000_000) + 1);
    for (const method of APPORTION_METHODS) {
      const { seats } = apportion(1_000_000, w, { method });
      expect(sum(seats)).toBe(1_000_000);
      // One place fewer never gives anyone more (house monotonicity holds for the divisor methods).
      if (method !== "hamilton") {
        const fewer = apportion(999_999, w, { method }).seats;
        let diff = 0;
        fewer.forEach((s, i) => {
          expect(s).toBeLessThanOrEqual(seats[i]!);
          diff += seats[i]! - s;
        });
        expect(diff).toBe(1);
      }
    }
  });
});

describe("apportion — bad input", () => {
  const bad: [string, () => unknown, (string | number)[]][] = [
    ["NaN places", () => apportion(NaN, [1]), ["places"]],
    ["Infinity places", () => apportion(Infinity, [1]), ["places"]],
    ["negative places", () => apportion(-1, [1]), ["places"]],
    ["non-integer places", () => apportion(2.5, [1]), ["places"]],
    ["unsafe places", () => apportion(2 ** 53, [1]), ["places"]],
    ["string places", () => apportion("3" as unknown as number, [1]), ["places"]],
    ["NaN weight", () => apportion(3, [1, NaN]), ["weights", 1]],
    ["Infinity weight", () => apportion(3, [Infinity]), ["weights", 0]],
    ["negative weight", () => apportion(3, [1, -1]), ["weights", 1]],
    ["negative string weight", () => apportion(3, ["-0.5"]), ["weights", 0]],
    ["exponent string weight", () => apportion(3, ["1e3"]), ["weights", 0]],
    ["non-decimal weight", () => apportion(3, ["abc"]), ["weights", 0]],
    ["null weight", () => apportion(3, [null as unknown as number]), ["weights", 0]],
    ["empty weights", () => apportion(3, []), ["weights"]],
    ["weights not an array", () => apportion(3, "1,2" as unknown as number[]), ["weights"]],
    ["unknown method", () => apportion(3, [1], { method: "dhondt" as ApportionMethod }), ["options", "method"]],
    ["unknown option key", () => apportion(3, [1], { methd: "adams" } as never), ["options"]],
    [
      "__proto__ key in options (from JSON)",
      () => apportion(3, [1], JSON.parse('{"__proto__": {"method": "adams"}}') as never),
      ["options"],
    ],
    [
      "inherited method via a prototype",
      () => apportion(3, [1], Object.create({ method: "adams" }) as never),
      ["options"],
    ],
    ["min of the wrong length", () => apportion(3, [1, 1], { min: [1] }), ["options", "min"]],
    ["max of the wrong length", () => apportion(3, [1, 1], { max: [1, 1, 1] }), ["options", "max"]],
    ["negative min", () => apportion(3, [1, 1], { min: [-1, null] }), ["options", "min", 0]],
    ["fractional max", () => apportion(3, [1, 1], { max: [1.5, null] }), ["options", "max", 0]],
    ["NaN max", () => apportion(3, [1, 1], { max: [NaN, null] }), ["options", "max", 0]],
    ["options not an object", () => apportion(3, [1], 5 as never), ["options"]],
    ["options null", () => apportion(3, [1], null as never), ["options"]],
  ];
  it.each(bad)("CORE-APPORTION-1: %s → ValidationError INVALID_INPUT with the field path", (_name, fn, path) => {
    const e = expectSannongError(fn, "INVALID_INPUT", path);
    expect(e.name).toBe("ValidationError");
  });

  it("CORE-APPORTION-1: the exported schema accepts what apportion accepts and rejects unknown keys", () => {
    expect(
      apportionInputSchema.safeParse({ places: 3, weights: [1, "2"], options: { method: "webster", min: [null, 1] } })
        .success,
    ).toBe(true);
    expect(apportionInputSchema.safeParse({ places: 3, weights: [1], extra: 1 }).success).toBe(false);
    expect(apportionInputSchema.safeParse({ places: 3, weights: [1], options: { min: [1, 2] } }).success).toBe(false);
  });

  it("CORE-APPORTION-1: the error message names the field in Chinese and English", () => {
    const e = expectSannongError(() => apportion(3, [1, 1], { min: [1] }), "INVALID_INPUT", ["options", "min"]);
    expect(e.zh).toContain("min 有 1 项");
    expect(e.en).toContain("min has 1 entries for 2 weights");
  });
});
