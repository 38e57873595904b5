import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { money, moneyFromFen } from "../money/money";
import {
  ADMIN_LEVELS,
  adminBodyLabel,
  adminLevelLabel,
  ancestorAt,
  childLevel,
  compareLevels,
  isAbove,
  parentLevel,
  regionChain,
  regionSchema,
  regionTree,
  rollUp,
  type AdminLevel,
  type Region,
  type RollUpItem,
} from "./region";

/** A small county: 清河门区 → two townships → villages → groups; one village filed directly under the county. */
const REGIONS: Region[] = [
  { code: "C1", name: "阜新市", level: "city" },
  { code: "K1", name: "清河门区", level: "county", parent: "C1" },
  { code: "T1", name: "河西镇", level: "township", parent: "K1" },
  { code: "T2", name: "乌龙坝镇", level: "township", parent: "K1" },
  { code: "V1", name: "东村", level: "village", parent: "T1" },
  { code: "V2", name: "西村", level: "village", parent: "T1" },
  { code: "V3", name: "南村", level: "village", parent: "T2" },
  { code: "V9", name: "直属村", level: "village", parent: "K1" },
  { code: "G1", name: "一组", level: "group", parent: "V1" },
  { code: "G2", name: "二组", level: "group", parent: "V1" },
];

describe("administrative levels", () => {
  it("CORE-REGION-1: levels run 市 → 县(区) → 乡镇(街道) → 村 → 组", () => {
    expect(ADMIN_LEVELS).toEqual(["city", "county", "township", "village", "group"]);
    expect(ADMIN_LEVELS.map((l) => adminLevelLabel(l))).toEqual(["市", "县（区）", "乡镇（街道）", "村", "组"]);
    expect(adminLevelLabel("group", "en")).toBe("villager group");
    expect(adminBodyLabel("village")).toBe("村民委员会");
    expect(adminBodyLabel("township")).toBe("乡镇人民政府（街道办事处）");
    expect(adminBodyLabel("county", "en")).toBe("county (district) government");
  });

  it.each([
    ["city", "village", -1, true],
    ["county", "township", -1, true],
    ["village", "village", 0, false],
    ["group", "village", 1, false],
    ["township", "city", 1, false],
  ] as const)("CORE-REGION-1: compareLevels(%s, %s) = %i, isAbove = %s", (a, b, c, above) => {
    expect(compareLevels(a, b)).toBe(c);
    expect(isAbove(a, b)).toBe(above);
  });

  it("CORE-REGION-1: parentLevel and childLevel step one level, null at the ends; sorting by compareLevels is top-down", () => {
    expect(parentLevel("village")).toBe("township");
    expect(parentLevel("county")).toBe("city");
    expect(parentLevel("city")).toBeNull();
    expect(childLevel("township")).toBe("village");
    expect(childLevel("group")).toBeNull();
    const shuffled: AdminLevel[] = ["village", "city", "group", "township", "county"];
    expect([...shuffled].sort(compareLevels)).toEqual(ADMIN_LEVELS);
    for (const l of ADMIN_LEVELS) {
      const p = parentLevel(l);
      if (p !== null) {
        expect(isAbove(p, l)).toBe(true);
        expect(childLevel(p)).toBe(l);
      }
    }
  });

  it("CORE-REGION-1: bad levels and languages are typed errors", () => {
    expectSannongError(() => adminLevelLabel("province" as never), "INVALID_INPUT", ["level"]);
    expectSannongError(() => adminLevelLabel("city", "fr" as never), "INVALID_INPUT", ["lang"]);
    expectSannongError(() => adminBodyLabel("__proto__" as never), "INVALID_INPUT", ["level"]);
    expectSannongError(() => compareLevels("city", "toString" as never), "INVALID_INPUT", ["b"]);
    expectSannongError(() => isAbove(1 as never, "city"), "INVALID_INPUT", ["a"]);
    expectSannongError(() => parentLevel(undefined as never), "INVALID_INPUT", ["level"]);
    expectSannongError(() => childLevel("Village" as never), "INVALID_INPUT", ["level"]);
  });
});

describe("regions", () => {
  const tree = regionTree(REGIONS);

  it("CORE-REGION-1: regionChain and ancestorAt follow parents up to the wanted level", () => {
    expect(regionChain(tree, "G2").map((r) => r.name)).toEqual(["阜新市", "清河门区", "河西镇", "东村", "二组"]);
    expect(regionChain(REGIONS, "V9").map((r) => r.code)).toEqual(["C1", "K1", "V9"]);
    expect(ancestorAt(tree, "G1", "township")?.name).toBe("河西镇");
    expect(ancestorAt(tree, "V3", "village")?.name).toBe("南村");
    expect(ancestorAt(tree, "V3", "city")?.code).toBe("C1");
    expect(ancestorAt(tree, "T1", "village")).toBeNull();
    expect(ancestorAt(tree, "V9", "township")).toBeNull(); // filed directly under the county
    expect(tree.byCode.get("V1")?.parent).toBe("T1");
  });

  it("CORE-REGION-1: regionSchema accepts { code, name, level, parent? } and nothing else", () => {
    expect(regionSchema.safeParse({ code: "v1", name: "东村", level: "village", parent: "t1" }).success).toBe(true);
    expect(regionSchema.safeParse({ code: "v1", name: "东村", level: "village" }).success).toBe(true);
    expect(regionSchema.safeParse({ code: "v1", name: "东村", level: "hamlet" }).success).toBe(false);
    expect(regionSchema.safeParse({ code: "", name: "东村", level: "village" }).success).toBe(false);
    expect(regionSchema.safeParse({ code: "v1", name: "东村", level: "village", population: 3 }).success).toBe(false);
  });

  it("CORE-REGION-1: a region list must be a forest of known codes with parents above children", () => {
    const bad = (list: unknown, path: (string | number)[], issue: string): void => {
      const e = expectSannongError(() => regionTree(list as Region[]), "INVALID_INPUT", path);
      expect((e as unknown as { issues: { code: string }[] }).issues[0]?.code).toBe(issue);
    };
    bad(
      [...REGIONS, { code: "V1", name: "重复", level: "village", parent: "T1" }],
      [REGIONS.length, "code"],
      "duplicate_code",
    );
    bad(
      [...REGIONS, { code: "V7", name: "无主", level: "village", parent: "T9" }],
      [REGIONS.length, "parent"],
      "unknown_parent",
    );
    bad(
      [...REGIONS, { code: "V7", name: "倒挂", level: "village", parent: "G1" }],
      [REGIONS.length, "parent"],
      "parent_not_above",
    );
    bad(
      [...REGIONS, { code: "V7", name: "平级", level: "village", parent: "V1" }],
      [REGIONS.length, "parent"],
      "parent_not_above",
    );
    bad([{ code: "V7", name: "自己", level: "village", parent: "V7" }], [0, "parent"], "parent_not_above");
    bad("not a list", [], "invalid_type");
    bad([{ code: "V7", name: "x", level: "village", extra: 1 }], [0], "unrecognized_keys");
    bad(
      JSON.parse('[{"code":"V7","name":"x","level":"village","__proto__":{"parent":"C1"}}]'),
      [0],
      "unrecognized_keys",
    );
    expectSannongError(() => regionChain(tree, "nope"), "INVALID_INPUT", ["code"]);
    expectSannongError(() => ancestorAt(tree, "V1", "province" as never), "INVALID_INPUT", ["level"]);
    expectSannongError(
      () => ancestorAt([{ code: "V7", name: "x", level: "villa" }] as never, "V7", "village"),
      "INVALID_INPUT",
      ["regions", 0, "level"],
    );
  });
});

describe("rollUp", () => {
  const items: RollUpItem[] = [
    { region: "G1", amount: "100.00" },
    { region: "G2", amount: "0.01" },
    { region: "V1", amount: "33.33" },
    { region: "V2", amount: "50.50" },
    { region: "V3", amount: "12.00" },
    { region: "V9", amount: "7.00" },
    { region: "K1", amount: "1000.00" },
  ];

  it("CORE-REGION-1: sums village and group money by township, exactly, with the rest listed as unattributed", () => {
    const r = rollUp(items, REGIONS, "township");
    expect(asJson(r)).toEqual({
      level: "township",
      rows: [
        { code: "T1", name: "河西镇", level: "township", amount: "183.84", itemCount: 4 },
        { code: "T2", name: "乌龙坝镇", level: "township", amount: "12.00", itemCount: 1 },
      ],
      unattributed: [
        { code: "K1", name: "清河门区", level: "county", amount: "1000.00", itemCount: 1 },
        { code: "V9", name: "直属村", level: "village", amount: "7.00", itemCount: 1 },
      ],
      total: "1202.84",
    });
  });

  it("CORE-REGION-1: the TSDoc example of rollUp gives the output it shows", () => {
    const r = rollUp(
      [
        { region: "v1", amount: "100.00" },
        { region: "v2", amount: "50.50" },
        { region: "t1", amount: "9.00" },
      ],
      [
        { code: "t1", name: "城关镇", level: "township" },
        { code: "v1", name: "东村", level: "village", parent: "t1" },
        { code: "v2", name: "西村", level: "village", parent: "t1" },
      ],
      "township",
    );
    expect(r.rows.map((x) => `${x.name} ${String(x.amount)}`)).toEqual(["城关镇 159.50"]);
    expect(String(r.total)).toBe("159.50");
  });

  it("CORE-REGION-1: rolls up to villages, to the city, and lists empty regions on request", () => {
    const v = rollUp(items, REGIONS, "village", { includeEmpty: true });
    expect(v.rows.map((x) => `${x.code} ${String(x.amount)}`)).toEqual([
      "V1 133.34",
      "V2 50.50",
      "V3 12.00",
      "V9 7.00",
    ]);
    expect(v.unattributed.map((x) => x.code)).toEqual(["K1"]);
    const g = rollUp(items, REGIONS, "group", { includeEmpty: true });
    expect(g.rows.map((x) => `${x.code} ${String(x.amount)} ${x.itemCount}`)).toEqual(["G1 100.00 1", "G2 0.01 1"]);
    const c = rollUp(items, REGIONS, "city");
    expect(c.rows.map((x) => `${x.code} ${String(x.amount)}`)).toEqual(["C1 1202.84"]);
    expect(c.unattributed).toEqual([]);
    const empty = rollUp([], REGIONS, "township", { includeEmpty: true });
    expect(asJson(empty.rows)).toEqual([
      { code: "T1", name: "河西镇", level: "township", amount: "0.00", itemCount: 0 },
      { code: "T2", name: "乌龙坝镇", level: "township", amount: "0.00", itemCount: 0 },
    ]);
    expect(String(empty.total)).toBe("0.00");
  });

  const itemsArb = fc.array(
    fc.record({
      region: fc.constantFrom(...REGIONS.map((r) => r.code)),
      amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((f) => moneyFromFen(f)),
    }),
    { maxLength: 60 },
  );

  it("CORE-REGION-1: property — money is conserved (Σ rows + Σ unattributed = total = Σ items) at every level", () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...ADMIN_LEVELS), (its, level) => {
        const r = rollUp(its, REGIONS, level);
        const fen = (xs: readonly { amount: { fen: bigint } }[]): bigint => xs.reduce((s, x) => s + x.amount.fen, 0n);
        expect(r.total.fen).toBe(fen(its));
        expect(fen(r.rows) + fen(r.unattributed)).toBe(r.total.fen);
        expect(r.rows.reduce((s, x) => s + x.itemCount, 0) + r.unattributed.reduce((s, x) => s + x.itemCount, 0)).toBe(
          its.length,
        );
        for (const row of r.rows) expect(row.level).toBe(level);
        for (const row of r.unattributed) expect(ancestorAt(REGIONS, row.code, level)).toBeNull();
        // each row is the sum of the items whose ancestor at the level is that row
        for (const row of r.rows) {
          const mine = its.filter((it) => ancestorAt(REGIONS, it.region, level)?.code === row.code);
          expect(row.amount.fen).toBe(fen(mine));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("CORE-REGION-1: property — the result does not depend on the order of items or regions (deterministic)", () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(...ADMIN_LEVELS), fc.integer(), (its, level, seed) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const a = [...xs];
          let s = seed >>> 0;
          for (let i = a.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) >>> 0;
            const j = s % (i + 1);
            [a[i], a[j]] = [a[j] as T, a[i] as T];
          }
          return a;
        };
        const a = rollUp(its, REGIONS, level, { includeEmpty: true });
        const b = rollUp(shuffle(its), shuffle(REGIONS), level, { includeEmpty: true });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 100 },
    );
  });

  it("CORE-REGION-1: inputs are not mutated", () => {
    const its = deepFreeze(items.map((x) => ({ ...x })));
    const regs = deepFreeze(REGIONS.map((x) => ({ ...x })));
    expect(String(rollUp(its, regs, "township").total)).toBe("1202.84");
    expect(its[0]).toEqual({ region: "G1", amount: "100.00" });
  });

  it("CORE-REGION-1: bad input — unknown region, bad money, unknown keys, bad level — is a typed error with the path", () => {
    expectSannongError(() => rollUp([{ region: "X", amount: "1.00" }], REGIONS, "township"), "INVALID_INPUT", [
      "items",
      0,
      "region",
    ]);
    expectSannongError(() => rollUp([{ region: "V1", amount: "1.001" }], REGIONS, "township"), "INVALID_INPUT", [
      "items",
      0,
      "amount",
    ]);
    expectSannongError(() => rollUp([{ region: "V1", amount: NaN }], REGIONS, "township"), "INVALID_INPUT", [
      "items",
      0,
      "amount",
    ]);
    expectSannongError(() => rollUp([{ region: "V1", amount: Infinity }], REGIONS, "township"), "INVALID_INPUT", [
      "items",
      0,
      "amount",
    ]);
    expectSannongError(() => rollUp([{ region: "V1", amount: 0.1 + 0.2 }], REGIONS, "township"), "INVALID_INPUT", [
      "items",
      0,
      "amount",
    ]);
    expectSannongError(
      () => rollUp([{ region: "V1", amount: "1.00", note: "x" } as never], REGIONS, "township"),
      "INVALID_INPUT",
      ["items", 0],
    );
    expectSannongError(
      () => rollUp(JSON.parse('[{"region":"V1","amount":"1.00","__proto__":{}}]'), REGIONS, "township"),
      "INVALID_INPUT",
      ["items", 0],
    );
    expectSannongError(() => rollUp([], REGIONS, "province" as never), "INVALID_INPUT", ["level"]);
    expectSannongError(() => rollUp([], REGIONS, "township", { includeEmpty: "yes" } as never), "INVALID_INPUT", [
      "options",
      "includeEmpty",
    ]);
    expectSannongError(() => rollUp([], REGIONS, "township", { sort: "name" } as never), "INVALID_INPUT", ["options"]);
    expectSannongError(() => rollUp(null as never, REGIONS, "township"), "INVALID_INPUT", ["items"]);
    expectSannongError(
      () => rollUp([], [...REGIONS, { code: "C1", name: "重复", level: "city" }], "township"),
      "INVALID_INPUT",
      ["regions", REGIONS.length, "code"],
    );
    expect(String(rollUp([{ region: "V1", amount: money("-5.00") }], REGIONS, "township").total)).toBe("-5.00");
  });
});
