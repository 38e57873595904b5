/** Builds the `sannong` executable once for the tests that spawn it (not published). */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const cliDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = join(cliDir, "..", "..");
export const binPath = join(cliDir, "dist", "bin.js");

function newestSource(): number {
  let newest = 0;
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const pkg of readdirSync(join(repoRoot, "packages"))) walk(join(repoRoot, "packages", pkg, "src"));
  newest = Math.max(newest, statSync(join(cliDir, "tsup.config.ts")).mtimeMs);
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/bin.js with tsup (executable only) when it is missing or older
 * than any source it bundles; a lock directory keeps parallel test files
 * from building at once.
 */
export function ensureBuilt(): void {
  const fresh = (): boolean => existsSync(binPath) && statSync(binPath).mtimeMs >= newestSource();
  if (fresh()) return;
  const lock = join(cliDir, ".tmp-build-lock");
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("timed out waiting for another test to build the sannong command");
      sleep(200);
    }
  }
  try {
    if (fresh()) return;
    const tsup = join(
      dirname(createRequire(join(repoRoot, "package.json")).resolve("tsup/package.json")),
      "dist",
      "cli-default.js",
    );
    const r = spawnSync(process.execPath, [tsup], {
      cwd: cliDir,
      env: { ...process.env, SANNONG_CLI_BIN_ONLY: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`building the sannong command failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the built command (no TTY, so no progress) and returns its exit code and output. */
export function sannong(
  args: readonly string[],
  options: { cwd?: string } = {},
): { code: number | null; stdout: string; stderr: string } {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** True when the text shows a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return (
    /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$/m.test(text) ||
    /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b/.test(text)
  );
}
