import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const SCENARIO_EXT = /\.(ya?ml|json)$/i;

/** True when a JSON file found in a directory looks like a scenario (not package.json and the like). */
function looksLikeScenario(path: string): boolean {
  try {
    const v: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof v === "object" && v !== null && !Array.isArray(v) && ("computation" in v || "cases" in v);
  } catch {
    return true; // let the loader report the syntax error with its line
  }
}

/**
 * The scenario files under a directory, recursively, in a stable order:
 * `.yaml` / `.yml` files, and `.json` files that have `computation` or
 * `cases` at the top. Hidden folders and `node_modules` are skipped.
 * @internal
 */
export function scenarioFilesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SCENARIO_EXT.test(e.name) && (!/\.json$/i.test(e.name) || looksLikeScenario(p)))
        out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** `"dir"`, `"file"` or `"missing"`. @internal */
export function kindOf(path: string): "dir" | "file" | "missing" {
  try {
    return statSync(path).isDirectory() ? "dir" : "file";
  } catch {
    return "missing";
  }
}
