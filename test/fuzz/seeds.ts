/**
 * Valid argument tuples to mutate, by `package.function`: every scenario input
 * under examples/ (the files `sannong test examples/` checks), plus seeds for
 * core's positional functions.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const coreSeeds: Record<string, unknown[][]> = {
  "core.allocate": [
    ["1000000.00", ["0.3", "0.2", "0.2", "0.3"], { unit: "100", caps: [null, "250000.00", null, null] }],
    ["100.00", [1, 1, 1]],
  ],
  "core.allocateMinorUnits": [[10000, [1, 2, 3]]],
  "core.apportion": [
    [10, [5, 3, 2], { method: "webster", min: [1, null, null], max: [null, null, 4] }],
    [7, ["1.5", "2.5"]],
  ],
  "core.money": [["1234.56"]],
  "core.moneyFromFen": [[3334]],
  "core.roundMoney": [["1.005", { unit: "100", rounding: "half-even" }]],
  "core.defineParameter": [
    [
      {
        id: "x.y",
        unit: "ratio",
        label: { zh: "比例", en: "ratio" },
        values: [{ from: "2020-01-01", value: "0.1", source: { document: "d", verified: false } }],
      },
    ],
  ],
  "core.staleParameters": [[[], "2024-01-01"]],
  "core.parseDate": [["2024-02-29"]],
  "core.addMonths": [["2024-01-31", 1]],
  "core.addDays": [["2024-02-28", 2]],
  "core.daysBetween": [["2024-01-01", "2024-12-31"]],
  "core.monthsRemainingInYear": [["2022-07-15"]],
  "core.periodsFrom": [["2023-01-01", { years: 3 }, 4]],
  "core.multiYearPeriods": [[2023, 3, 4]],
  "core.toMu": [[{ value: "2", unit: "hectare" }]],
  "core.fraction": [[6, 10]],
  "core.kthSmallest": [[[5, 1, 4, 1, 3], 3]],
  "core.add": [["1.10", "2.20"]],
  "core.subtract": [["1.10", "2.20"]],
  "core.sum": [[["1.10", "2.20", "3.30"]]],
  "core.compare": [["1.10", "2.20"]],
  "core.multiply": [["100.00", "0.035", { rounding: "half-even", unit: "1" }]],
  "core.fractionFromDecimal": [["0.35"]],
  "core.fractionToDecimalString": [[{ num: 1n, den: 3n }, 4]],
  "core.daysInMonth": [[2024, 2]],
  "core.formatDate": [[2024, 2, 29]],
  "core.compareDates": [["2024-01-01", "2024-12-31"]],
  "core.toYearMonth": [["2024-02-29"]],
  "core.monthIndex": [["2024-02"]],
  "core.fromMonthIndex": [[24289]],
  "core.addMonthsToYearMonth": [["2024-11", 3]],
  "core.monthsBetween": [["2022-08", "2025-12"]],
  "core.addYears": [["2024-02-29", 1]],
  "core.endOfMonth": [["2100-02-10"]],
  "core.endOfQuarter": [["2024-05-10"]],
  "core.deadlineInYear": [[2024, 11, 30]],
  "core.lastYearOfPeriod": [[2023, 3]],
  "core.minDate": [["2024-01-01", "2023-12-31"]],
  "core.calendarPeriods": [["quarter", "2024-02-10", "2024-11-30"]],
  "core.calendarPeriodOf": [["quarter", "2024-05-10"]],
  "core.periodContains": [[{ from: "2024-01-01", to: "2024-12-31" }, "2024-06-30"]],
  "core.overlapDays": [
    [
      { from: "2024-01-01", to: "2024-06-30" },
      { from: "2024-06-01", to: "2024-12-31" },
    ],
  ],
  "core.overlapMonths": [
    [
      { from: "2024-01-15", to: "2024-06-30" },
      { from: "2024-03-01", to: "2024-12-31" },
    ],
  ],
  "core.monthsOfPeriod": [[{ from: "2024-01-15", to: "2024-04-01" }]],
  "core.areaInUnit": [[{ value: "450", unit: "mu" }, "sqm"]],
  "core.areaRatio": [[{ value: 30, unit: "hectare" }, "2"]],
  "core.totalMu": [[[{ value: 1, unit: "hectare" }, "2.5", { value: 1000, unit: "sqm" }]]],
  "core.formatArea": [[{ value: "37.5", unit: "mu" }]],
  "core.isAbove": [["county", "village"]],
  "core.regionChain": [
    [
      [
        { code: "33", name: "市", level: "city" },
        { code: "3301", name: "县", level: "county", parent: "33" },
      ],
      "3301",
    ],
  ],
  "core.checkProcedure": [["COLLECTIVE_DECISION", []]],
};

/** Collects `input`s by computation; cases inherit the `computation` of the file (or of an enclosing object). */
function scenarioInputs(v: unknown, out: Map<string, unknown[][]>, inherited?: string): void {
  if (Array.isArray(v)) {
    for (const x of v) scenarioInputs(x, out, inherited);
    return;
  }
  if (!v || typeof v !== "object") return;
  const o = v as Record<string, unknown>;
  const computation = typeof o["computation"] === "string" ? o["computation"] : inherited;
  if (computation && o["input"] !== undefined && o["expectedError"] === undefined) {
    const list = out.get(computation) ?? [];
    list.push([o["input"]]);
    out.set(computation, list);
  }
  for (const k of Object.keys(o)) if (k !== "input" && k !== "expected") scenarioInputs(o[k], out, computation);
}

function files(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(e) ? [p] : [];
  });
}

const fromExamples = new Map<string, unknown[][]>();
for (const f of files(join(root, "examples"))) {
  try {
    scenarioInputs(parse(readFileSync(f, "utf8"), { merge: true }), fromExamples);
  } catch {
    // a file the CLI's own tests reject on purpose; not a seed
  }
}

/** The seeds for `package.function`. */
export function seedsFor(name: string): unknown[][] {
  return [...(coreSeeds[name] ?? []), ...(fromExamples.get(name) ?? [])];
}
