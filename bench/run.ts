/**
 * Runs every benchmark case under bench/ (`pnpm bench`), each in a child
 * process, prints a table with PASS/FAIL against its target and the ratio to
 * its baselines, and writes bench/results.json.
 *
 *   pnpm bench                 all cases
 *   pnpm bench -- core         only files whose name contains "core"
 */
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { time, type BenchCase } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  file: string;
  operation: string;
  size: string;
  medianMs: number;
  peakRssMb: number;
  baselines: { name: string; medianMs: number; ratio: number }[];
  target: BenchCase["target"] | null;
  status: "PASS" | "FAIL" | "n/a";
  failures: string[];
}

async function runOne(file: string, index: number): Promise<void> {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchCase[] };
  const c = mod.default[index]!;
  const input = c.setup();
  const own = time(c.run, input, c.runs ?? 7);
  c.verify?.(input, own.last);
  // Peak resident memory of the process up to here: setup and the measured runs, before any baseline runs.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const baselines = (c.baselines ?? []).map((b) => {
    const r = time(b.run, input, c.baselineRuns ?? 3);
    return { name: b.name, medianMs: r.medianMs, ratio: r.medianMs / own.medianMs };
  });
  const failures: string[] = [];
  const t = c.target;
  if (t?.maxMedianMs !== undefined && own.medianMs > t.maxMedianMs)
    failures.push(`median ${own.medianMs.toFixed(1)} ms > ${t.maxMedianMs} ms`);
  if (t?.minSpeedup !== undefined) {
    const b = baselines.find((x) => x.name === t.speedupOver);
    if (!b || b.ratio < t.minSpeedup)
      failures.push(`speed-up over ${t.speedupOver} ${b ? b.ratio.toFixed(1) : "?"}× < ${t.minSpeedup}×`);
  }
  const row: Row = {
    file,
    operation: c.operation,
    size: c.size,
    medianMs: own.medianMs,
    peakRssMb,
    baselines,
    target: t ?? null,
    status: t ? (failures.length ? "FAIL" : "PASS") : "n/a",
    failures,
  };
  process.stdout.write(`@@ROW ${JSON.stringify(row)}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--one") return runOne(args[1]!, Number(args[2]));
  const filter = args.find((a) => !a.startsWith("-")) ?? "";
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
    .sort();
  const rows: Row[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchCase[] };
    for (let i = 0; i < mod.default.length; i++) {
      const r = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), "--one", file, String(i)],
        { encoding: "utf8", maxBuffer: 64 << 20 },
      );
      const line = r.stdout.split("\n").find((l) => l.startsWith("@@ROW "));
      if (!line) {
        rows.push({
          file,
          operation: mod.default[i]!.operation,
          size: mod.default[i]!.size,
          medianMs: NaN,
          peakRssMb: NaN,
          baselines: [],
          target: null,
          status: "FAIL",
          failures: [`crashed: ${r.stderr.slice(-400)}`],
        });
      } else rows.push(JSON.parse(line.slice(6)) as Row);
      const row = rows[rows.length - 1]!;
      const base = row.baselines
        .map((b) => `${b.name} ${b.medianMs.toFixed(1)} ms (${b.ratio.toFixed(1)}×)`)
        .join("; ");
      const target = row.target
        ? [
            row.target.maxMedianMs !== undefined ? `< ${row.target.maxMedianMs} ms` : "",
            row.target.minSpeedup !== undefined ? `≥ ${row.target.minSpeedup}× ${row.target.speedupOver}` : "",
          ]
            .filter(Boolean)
            .join(", ")
        : "";
      console.log(
        `${row.status.padEnd(4)} | ${row.operation.padEnd(36)} | ${row.size.padEnd(28)} | ${row.medianMs.toFixed(1).padStart(9)} ms | ${row.peakRssMb.toFixed(0).padStart(5)} MB | ${target}${base ? ` | vs ${base}` : ""}${row.failures.length ? ` | ${row.failures.join("; ")}` : ""}`,
      );
    }
  }
  writeFileSync(
    join(here, "results.json"),
    `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  const failed = rows.filter((r) => r.status === "FAIL").length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed (bench/results.json written)`);
  process.exitCode = failed ? 1 : 0;
}

void main();
