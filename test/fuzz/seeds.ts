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
  "core.allocate": [["1000000.00", ["0.3", "0.2", "0.2", "0.3"], { unit: "100", caps: [null, "250000.00", null, null] }], ["100.00", [1, 1, 1]]],
  "core.allocateMinorUnits": [[10000, [1, 2, 3]]],
  "core.apportion": [[10, [5, 3, 2], { method: "webster", min: [1, null, null], max: [null, null, 4] }], [7, ["1.5", "2.5"]]],
  "core.money": [["1234.56"]],
  "core.moneyFromFen": [[3334]],
  "core.roundMoney": [["1.005", { unit: "100", rounding: "half-even" }]],
  "core.defineParameter": [[{ id: "x.y", unit: "ratio", label: { zh: "比例", en: "ratio" }, values: [{ from: "2020-01-01", value: "0.1", source: { document: "d", verified: false } }] }]],
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
};

function scenarioInputs(v: unknown, out: Map<string, unknown[][]>): void {
  if (Array.isArray(v)) {
    for (const x of v) scenarioInputs(x, out);
    return;
  }
  if (!v || typeof v !== "object") return;
  const o = v as Record<string, unknown>;
  if (typeof o["computation"] === "string" && o["input"] !== undefined) {
    const list = out.get(o["computation"]) ?? [];
    list.push([o["input"]]);
    out.set(o["computation"], list);
  }
  for (const k of Object.keys(o)) scenarioInputs(o[k], out);
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
    scenarioInputs(parse(readFileSync(f, "utf8")), fromExamples);
  } catch {
    // a file the CLI's own tests reject on purpose; not a seed
  }
}

/** The seeds for `package.function`. */
export function seedsFor(name: string): unknown[][] {
  return [...(coreSeeds[name] ?? []), ...(fromExamples.get(name) ?? [])];
}
