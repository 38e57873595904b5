import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { traceStep } from "@sannong/core";
import { createRegistry } from "../scenario/computation";
import type { Io } from "./io";
import { main } from "./main";
import { demoCommand } from "./demo";

function fakeIo(tty = false): Io & { outText: () => string; errText: () => string; progressed: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const progressed: string[] = [];
  return {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    progress: (s) => void progressed.push(s),
    stderrIsTTY: tty,
    today: () => "2026-01-01",
    version: "9.9.9",
    outText: () => out.join("\n"),
    errText: () => err.join("\n"),
    progressed,
  };
}

const rule = (id: string) => ({ id, citation: "test", label: { zh: `步骤${id}`, en: `step ${id}` } });
const registry = createRegistry()
  .register(
    "t.split",
    (i: { total: string }) => {
      const part = (Number(i.total) / 2).toFixed(2);
      return {
        parts: [
          { id: "甲", amount: part },
          { id: "乙", amount: part },
        ],
        trace: traceStep(rule("T-1"), {
          output: { total: i.total },
          children: [traceStep(rule("T-2"), { inputs: { who: "甲" }, output: part })],
        }),
      };
    },
    z.strictObject({ total: z.string() }),
  )
  .register(
    "t.crash",
    (i: { total: string }) => {
      if (i.total === "boom") throw new TypeError("boom");
      return { total: i.total };
    },
    z.strictObject({ total: z.string() }),
  );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sannong-main-"));
  mkdirSync(join(dir, "many"));
  for (let i = 0; i < 12; i++)
    writeFileSync(
      join(dir, "many", `c${String(i).padStart(2, "0")}.yaml`),
      "computation: t.split\ninput: { total: '2.00' }\nexpected: { parts: [{ id: 甲, amount: '1.00' }, { id: 乙, amount: '1.00' }] }\n",
    );
  writeFileSync(
    join(dir, "fail.yaml"),
    "computation: t.split\ninput: { total: '2.00' }\ncheck: ['parts[1].amount']\nexpected:\n  parts:\n    - {}\n    - { amount: '1.01' }\n",
  );
  writeFileSync(join(dir, "ok.yaml"), "computation: t.split\ninput: { total: '2.00' }\n");
  writeFileSync(join(dir, "package.json"), '{ "name": "not-a-scenario" }');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("main", () => {
  it("CLI-TEST-1: progress goes to stderr only on a TTY and only for many files", () => {
    const tty = fakeIo(true);
    expect(main(["test", join(dir, "many")], tty, registry)).toBe(0);
    expect(tty.progressed.length).toBeGreaterThan(0);
    expect(tty.outText().trimEnd().split("\n").at(-1)).toBe("12 passed, 0 failed");
    const pipe = fakeIo(false);
    expect(main(["test", join(dir, "many")], pipe, registry)).toBe(0);
    expect(pipe.progressed).toEqual([]);
    const few = fakeIo(true);
    main(["test", join(dir, "fail.yaml")], few, registry);
    expect(few.progressed).toEqual([]);
  });

  it("CLI-TEST-1: a directory walk skips JSON files that are not scenarios (package.json)", () => {
    const io = fakeIo();
    expect(main(["test", dir], io, registry)).toBe(1);
    expect(io.outText()).not.toContain("package.json");
    expect(io.outText().trimEnd().split("\n").at(-1)).toBe("12 passed, 1 failed");
  });

  it("CLI-SCEN-2: a failing value is shown with the trace step that produced it", () => {
    const io = fakeIo();
    expect(main(["test", join(dir, "fail.yaml")], io, registry)).toBe(1);
    const text = io.outText();
    expect(text).toContain("parts[1].amount");
    expect(text).toMatch(/预期："1\.01"\n\s+实际："1\.00"/);
    expect(text).toContain("parts[1].amount 的计算过程");
    expect(text).toContain("步骤T-2 (T-2");
  });

  it("CLI-RUN-1: --explain prints the trace, --lang en the English headers", () => {
    const io = fakeIo();
    expect(main(["run", join(dir, "ok.yaml"), "--explain", "--lang", "en"], io, registry)).toBe(0);
    expect(io.outText()).toContain("how it was computed:");
    expect(io.outText()).toContain("step T-1 (T-1");
    expect(io.outText()).toMatch(/\| id\s+\| amount \(元\)\s+\|/);
  });

  it("CLI-RUN-1: a scenario file given without a command is run", () => {
    const io = fakeIo();
    expect(main([join(dir, "ok.yaml")], io, registry)).toBe(0);
    expect(io.outText()).toContain("1.00");
  });

  it("CLI-DEMO-1: --version and --help print and exit 0", () => {
    const v = fakeIo();
    expect(main(["--version"], v, registry)).toBe(0);
    expect(v.outText()).toBe("9.9.9");
    const h = fakeIo();
    expect(main(["-h"], h, registry)).toBe(0);
    expect(h.outText()).toContain("sannong test <目录|文件…>");
  });

  it("CLI-RUN-1: usage errors are exit 2 with a hint, in the chosen language", () => {
    const io = fakeIo();
    expect(main(["tset", "x"], io, registry)).toBe(2);
    expect(io.errText()).toContain("是否应为 test？");
    const en = fakeIo();
    expect(main(["params", "--json", "--as-of", "tomorrow", "--lang", "en"], en, registry)).toBe(2);
    expect(en.errText()).toContain('--as-of needs a date (YYYY-MM-DD), got "tomorrow"');
  });

  it("CLI-RUN-1: with --json, a crashed case is reported as crashed (exit 3) with its case, not as invalid", () => {
    const p = join(dir, "crash.yaml");
    writeFileSync(
      p,
      "computation: t.crash\ncases:\n  - name: fine\n    input: { total: '1' }\n  - name: bad\n    input: { total: boom }\n",
    );
    const io = fakeIo();
    expect(main(["run", p, "--json"], io, registry)).toBe(3);
    const out = JSON.parse(io.outText()) as {
      status: string;
      case: number;
      name: string;
      problems?: { code: string }[];
    }[];
    expect(out.map((o) => [o.case, o.name, o.status])).toEqual([
      [0, "fine", "computed"],
      [1, "bad", "crashed"],
    ]);
    expect(out[1]!.problems?.map((x) => x.code)).toEqual(["INTERNAL_ERROR"]);
    expect(io.errText()).toContain("INTERNAL_ERROR");
    expect(io.errText()).not.toMatch(/\n\s+at /);
  });

  it("CLI-DEMO-1: the demo fails loudly when an embedded example does not match", () => {
    const io = fakeIo();
    const code = demoCommand(registry, { lang: "zh", explain: false }, io, [
      {
        path: "examples/demo/x.yaml",
        cases: 1,
        text: "computation: t.split\ninput: { total: '2.00' }\ncheck: ['parts[0].amount']\nexpected: { parts: [{ amount: '9.99' }] }\n",
      },
    ]);
    expect(code).toBe(1);
    expect(io.outText()).toContain("✗ 与预期不一致");
  });
});
