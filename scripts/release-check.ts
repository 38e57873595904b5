/**
 * `pnpm release:check`: builds every package, runs publint (strict) and
 * @arethetypeswrong/cli on each, and packs each to a tarball in .tmp/tarballs
 * (what `changeset publish` would upload). Exits non-zero on any problem.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./docs/rule-map";

const pnpm = ["--yes", "pnpm@10.34.9"];
const out = join(repoRoot, ".tmp", "tarballs");
const packages = ["core", "funds", "assets", "insurance", "migrants", "cli"];

let quietMode = false;

function run(cmd: string, args: string[], cwd: string): void {
  try {
    execFileSync(cmd, args, {
      cwd,
      stdio: quietMode ? "pipe" : "inherit",
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

/** Builds (optionally), lints and packs every package; returns the tarball paths. */
export function releaseCheck({ build = true, quiet = false } = {}): string[] {
  quietMode = quiet;
  if (build) run("npx", [...pnpm, "run", "build"], repoRoot);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const p of packages) {
    const dir = join(repoRoot, "packages", p);
    run(join(repoRoot, "node_modules", ".bin", "publint"), ["--strict", "--pack", "npm"], dir);
    run(join(repoRoot, "node_modules", ".bin", "attw"), ["--pack", "."], dir);
    run("npx", [...pnpm, "pack", "--pack-destination", out], dir);
  }
  return readdirSync(out)
    .filter((f) => f.endsWith(".tgz"))
    .map((f) => join(out, f));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const tarballs = releaseCheck({ build: !process.argv.includes("--no-build") });
  console.log(`release check passed; ${tarballs.length} tarballs in .tmp/tarballs`);
}
