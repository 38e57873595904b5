import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, hasStackTrace, sannong } from "./built";

let dir: string;
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "sannong-cli-"));
}, 180_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ALLOCATE = "computation: core.allocate\ninput:\n  total: '100.00'\n  weights: [1, 1, 1]\n";

/** Bad input: exit code 2, one message naming what is wrong, never a stack trace. */
function expectBadInput(r: ReturnType<typeof sannong>, ...needles: string[]): void {
  expect(r.code, r.stdout + r.stderr).toBe(2);
  const all = r.stdout + r.stderr;
  for (const n of needles) expect(all).toContain(n);
  expect(hasStackTrace(all), all).toBe(false);
}

describe("the built sannong command: bad input is exit code 2 with one clear message", () => {
  it("CLI-RUN-1: a missing file (zh by default, en with --lang en)", () => {
    expectBadInput(sannong(["run", join(dir, "nope.yaml")]), "FILE_NOT_FOUND", "nope.yaml", "找不到文件");
    expectBadInput(
      sannong(["run", join(dir, "nope.yaml"), "--lang", "en"]),
      "FILE_NOT_FOUND",
      "nope.yaml",
      "no such file",
    );
  });

  it("CLI-TEST-1: a missing file or directory in sannong test", () => {
    const r = sannong(["test", join(dir, "missing-dir")]);
    expectBadInput(r, "FILE_NOT_FOUND", "missing-dir");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });

  it("CLI-SCEN-1: a YAML syntax error names the file and the line", () => {
    const p = file("syntax.yaml", "computation: core.allocate\ninput:\n  total: '100.00\n  weights: [1, 1]\n");
    expectBadInput(sannong(["run", p]), "YAML_SYNTAX", `${p}:3`, "YAML 语法错误");
    expectBadInput(sannong(["run", p, "--lang", "en"]), "YAML_SYNTAX", `${p}:3`, "YAML syntax error");
  });

  it("CLI-SCEN-1: an unknown computation suggests the closest names", () => {
    const p = file("unknown.yaml", "computation: core.alocate\ninput: {}\n");
    expectBadInput(sannong(["run", p]), "UNKNOWN_COMPUTATION", `${p}:1:14`, "core.allocate");
    expectBadInput(sannong(["run", p, "--lang", "en"]), "did you mean: core.allocate");
  });

  it("CLI-SCEN-1: a field of the wrong type names the line and the field", () => {
    const p = file("type.yaml", "computation: core.allocate\ninput:\n  total: '100.00'\n  weights: 'heavy'\n");
    expectBadInput(sannong(["run", p]), "INVALID_INPUT", `${p}:4:12`, "input.weights");
    const q = file("money.yaml", "computation: core.allocate\ninput:\n  total: '100.005'\n  weights: [1]\n");
    expectBadInput(
      sannong(["run", q, "--lang", "en"]),
      "INVALID_INPUT",
      `${q}:3:10`,
      "input.total",
      "more than two decimals",
    );
  });

  it("CLI-SCEN-1: an unknown key points at the key and suggests the right one", () => {
    const p = file(
      "key.yaml",
      "computation: core.allocate\ninput:\n  total: '100.00'\n  weights: [1]\n  optoins: {}\n",
    );
    expectBadInput(sannong(["run", p]), "INVALID_INPUT", `${p}:5:3`, "optoins", "“options”");
    const q = file("topkey.yaml", `${ALLOCATE}expect: ['100.00']\n`);
    expectBadInput(sannong(["test", q, "--lang", "en"]), "INVALID_SCENARIO", `${q}:5:1`, 'did you mean "expected"');
  });

  it("CLI-SCEN-1: an unknown parameter and an overlay on a computation without parameters", () => {
    const p = file("param.yaml", `${ALLOCATE}parameters:\n  some.rate: '0.5'\n`);
    expectBadInput(sannong(["run", p]), "INVALID_PARAMETER", `${p}:6:3`, "some.rate");
  });

  it("CLI-RUN-1: a refusal by the rule is exit 2 and points at the refused field", () => {
    const p = file(
      "refused.yaml",
      "computation: core.allocate\ninput:\n  total: '100.00'\n  weights: [1, 1]\n  options:\n    caps: ['10.00', '10.00']\n",
    );
    expectBadInput(sannong(["run", p]), "INFEASIBLE_CAPS", `${p}:6:5`, "规则拒绝");
  });

  it("CLI-RUN-1: with --json, bad input still gives parseable JSON on stdout (and the message on stderr)", () => {
    const p = file("badjson.yaml", "computation: core.allocate\ninput: { total: 1, wieghts: [1] }\n");
    const r = sannong(["run", p, "--json"]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { status: string; problems: { code: string; line: number }[] }[];
    expect(out[0]!.status).toBe("invalid");
    expect(out[0]!.problems.map((x) => x.code)).toContain("INVALID_INPUT");
    expect(r.stderr).toContain("wieghts");
  });

  it("CLI-RUN-1: unknown commands and options are usage errors", () => {
    expectBadInput(sannong(["rnu", "x.yaml"]), "USAGE", "run");
    expectBadInput(sannong(["run", "--bogus", "x.yaml"]), "USAGE", "--bogus");
    expectBadInput(sannong(["run"]), "USAGE");
    expectBadInput(sannong(["test", "--stale-before", "2020-01-01", "x"]), "USAGE", "--stale-before");
    expectBadInput(sannong(["--lang", "fr"]), "USAGE", "--lang");
  });
});

describe("the built sannong command: results", () => {
  it("CLI-RUN-1: run prints a table with Chinese headers, English with --lang en", () => {
    const p = file("ok.yaml", ALLOCATE);
    const zh = sannong(["run", p]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/\|\s+序号\s+\|\s+值\s+\|/);
    expect(zh.stdout).toContain("33.34");
    const en = sannong(["run", p, "--lang", "en"]);
    expect(en.stdout).toMatch(/\|\s+#\s+\|\s+value\s+\|/);
  });

  it("CLI-RUN-1: --json is parseable and money stays a decimal string", () => {
    const p = file("json.yaml", ALLOCATE);
    const r = sannong(["run", p, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { output: unknown; status: string; computation: string }[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      computation: "core.allocate",
      status: "computed",
      output: ["33.34", "33.33", "33.33"],
    });
  });

  it("CLI-TEST-1: sannong test examples/ passes, one line per case and the closing summary", () => {
    const r = sannong(["test", "examples/"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const last = lines.at(-1)!;
    expect(last).toMatch(/^\d+ passed, 0 failed$/);
    const passed = Number(last.split(" ")[0]);
    expect(passed).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith("✓ "))).toHaveLength(passed);
    expect(r.stderr).toBe(""); // no progress when not a TTY
  });

  it("CLI-TEST-1, CLI-SCEN-2: a failing expectation exits 1 and shows expected vs actual with the line", () => {
    const p = file("fail/wrong.yaml", `${ALLOCATE}expected: ["33.33", "33.33", "33.34"]\n`);
    file("fail/right.yaml", `${ALLOCATE}expected: ["33.34", "33.33", "33.33"]\n`);
    const r = sannong(["test", join(dir, "fail")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ 失败");
    expect(r.stdout).toContain(`预期写在 ${p}:5`);
    expect(r.stdout).toMatch(/预期："33\.33"\n\s+实际："33\.34"/);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    const en = sannong(["test", p, "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/expected: "33\.33"\n\s+actual: "33\.34"/);
    expect(en.stdout.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed");
  });

  it("CLI-TEST-1: bad input in sannong test is exit 2 even when other cases pass", () => {
    file("mixed/a.yaml", `${ALLOCATE}expected: ["33.34", "33.33", "33.33"]\n`);
    file("mixed/b.yaml", "computation: core.allocate\ninput: [\n");
    const r = sannong(["test", join(dir, "mixed")]);
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("CLI-PARAM-1: params lists parameters; --stale-before keeps those older than the date; a bad date is exit 2", () => {
    const all = sannong(["params", "--json", "--as-of", "2026-01-01"]);
    expect(all.code).toBe(0);
    const list = JSON.parse(all.stdout) as { id: string; lastFrom: string; verified: boolean; inForce: unknown }[];
    const stale = sannong(["params", "--json", "--stale-before", "2021-01-01", "--as-of", "2026-01-01"]);
    expect(stale.code).toBe(0);
    const staleList = JSON.parse(stale.stdout) as { id: string; lastFrom: string }[];
    expect(staleList.map((p) => p.id)).toEqual(list.filter((p) => p.lastFrom < "2021-01-01").map((p) => p.id));
    expect(sannong(["params", "--stale-before", "2021-01-01"]).code).toBe(0);
    expectBadInput(sannong(["params", "--stale-before", "2021-02-30"]), "USAGE", "2021-02-30");
  });

  it("CLI-DEMO-1: sannong with no arguments runs the demo of 青山县 and exits 0", () => {
    const r = sannong([]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("青山县");
    expect(r.stdout).toContain("✓ 与预期一致");
    expect(r.stdout).not.toContain("✗");
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it("CLI-DEMO-1: --help and --version", () => {
    const h = sannong(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("sannong test");
    expect(sannong(["--help", "--lang", "en"]).stdout).toContain("Usage:");
    const v = sannong(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
