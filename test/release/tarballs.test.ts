/**
 * The release flow (issue 8): every package passes publint and
 * @arethetypeswrong/cli, packs to a tarball, and the tarballs install into a
 * fresh project with npm and import from both ESM and CJS — what a user of
 * the published packages gets. Needs the packages built (the `check` script
 * builds them first) and the npm registry for zod, decimal.js and yaml.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseCheck } from "../../scripts/release-check";
import { repoRoot } from "../../scripts/docs/rule-map";

const dir = join(repoRoot, ".tmp", "install-test");
let tarballs: string[] = [];

function node(file: string): string {
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });
}

describe("release: packed tarballs install and import from ESM and CJS", () => {
  beforeAll(() => {
    tarballs = releaseCheck({ build: false, quiet: true });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "install-test", private: true, version: "0.0.0" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], {
      cwd: dir,
      stdio: "pipe",
    });
  }, 600_000);

  it("packs one tarball per package", () => {
    expect(tarballs.map((t) => t.replace(/^.*\//, "").replace(/-\d.*$/, "")).sort()).toEqual([
      "sannong-assets",
      "sannong-cli",
      "sannong-core",
      "sannong-funds",
      "sannong-insurance",
      "sannong-migrants",
    ]);
  });

  it("imports every package from ESM and computes exactly", () => {
    writeFileSync(
      join(dir, "esm.mjs"),
      `import { allocate } from "@sannong/core";
import * as funds from "@sannong/funds";
import * as assets from "@sannong/assets";
import * as insurance from "@sannong/insurance";
import * as migrants from "@sannong/migrants";
console.log(JSON.stringify({
  parts: allocate("100.00", [1, 1, 1]).map(String),
  exports: [funds, assets, insurance, migrants].map((m) => Object.keys(m).length > 5),
}));`,
    );
    expect(JSON.parse(node("esm.mjs"))).toEqual({
      parts: ["33.34", "33.33", "33.33"],
      exports: [true, true, true, true],
    });
  });

  it("requires every package from CJS and computes exactly", () => {
    writeFileSync(
      join(dir, "cjs.cjs"),
      `const { allocate, money } = require("@sannong/core");
const mods = ["@sannong/funds", "@sannong/assets", "@sannong/insurance", "@sannong/migrants"].map((m) => require(m));
console.log(JSON.stringify({
  parts: allocate("100.00", [1, 2]).map(String),
  json: JSON.stringify({ m: money("5") }),
  exports: mods.map((m) => Object.keys(m).length > 5),
}));`,
    );
    expect(JSON.parse(node("cjs.cjs"))).toEqual({
      parts: ["33.33", "66.67"],
      json: '{"m":"5.00"}',
      exports: [true, true, true, true],
    });
  });

  it("installs the sannong command", () => {
    const out = execFileSync(join(dir, "node_modules", ".bin", "sannong"), ["--version"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(out.trim()).toMatch(/\d+\.\d+\.\d+/);
  });
});
