import { readFileSync, statSync } from "node:fs";
import * as z from "zod";
import { addIssue } from "@sannong/core";
import { ScenarioError, type ScenarioProblem } from "./errors";
import { inexactNumbers, locate, parseSource, problemAt, toData, type Source } from "./source";
import { schemaProblems } from "./schemaProblems";

type Path = readonly (string | number)[];

/**
 * One case of a scenario file (场景用例): a computation, its input, an
 * optional parameter overlay and optional expectations.
 * @remarks Implements CLI-SCEN-1, CLI-SCEN-2.
 */
export interface ScenarioCase {
  /** The file it comes from. */
  readonly file: string;
  /** 0-based position of the case in the file. */
  readonly index: number;
  /** The case's `name`, or the file's name with the case number. */
  readonly name: string;
  readonly description?: string;
  /** `<package>.<function>`, e.g. `funds.allocateByFactors`. */
  readonly computation: string;
  /** The input, as written (validated by the computation's own schema when run). */
  readonly input: unknown;
  /** Parameter overlay by id (file-level values, then the case's own). */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** True when the case states an expected output. */
  readonly hasExpected: boolean;
  /** The expected output; unquoted numbers are {@link NumberLiteral}s. */
  readonly expected?: unknown;
  /** Only these field paths of the output are compared (`recipients[0].amount`). */
  readonly check?: readonly string[];
  /** The case expects the computation to refuse with this error code. */
  readonly expectedError?: string;
  /** Where the case is in the file (`[]`, or `["cases", i]`). */
  readonly at: Path;
  /** Where its `computation` is written. */
  readonly computationAt: Path;
  /** Where each overlaid parameter is written. */
  readonly parametersAt: Readonly<Record<string, Path>>;
}

/**
 * A parsed scenario file (场景文件): a name, a description and its cases.
 * @remarks Implements CLI-SCEN-1.
 */
export interface Scenario {
  readonly file: string;
  readonly name?: string;
  readonly description?: string;
  readonly cases: readonly ScenarioCase[];
}

const sources = new WeakMap<Scenario, Source>();

/** The parsed source of a scenario (for line numbers). @internal */
export function sourceOf(s: Scenario): Source | undefined {
  return sources.get(s);
}

const caseKeys = {
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  computation: z.string().min(1).optional(),
  input: z.unknown().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  expected: z.unknown().optional(),
  check: z.array(z.string().min(1)).min(1).optional(),
  expectedError: z.string().min(1).optional(),
};

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

function refineCase(c: Record<string, unknown>, ctx: z.RefinementCtx, path: Path, needsComputation: boolean): void {
  if (!has(c, "input"))
    addIssue(
      ctx,
      "缺少 input（计算的输入）",
      "input is missing (the computation's input)",
      [...path, "input"],
      "missing_input",
    );
  if (needsComputation && c["computation"] === undefined) {
    addIssue(
      ctx,
      "缺少 computation（要运行的计算，如 core.allocate）",
      "computation is missing (what to run, e.g. core.allocate)",
      [...path, "computation"],
      "missing_computation",
    );
  }
  if (has(c, "expected") && c["expectedError"] !== undefined) {
    addIssue(
      ctx,
      "expected 与 expectedError 只能写一个",
      "write either expected or expectedError, not both",
      [...path, "expectedError"],
      "conflict",
    );
  }
  if (c["check"] !== undefined && !has(c, "expected")) {
    addIssue(
      ctx,
      "写了 check 却没有 expected",
      "check is given without expected",
      [...path, "check"],
      "check_without_expected",
    );
  }
}

const caseSchema = z.strictObject(caseKeys);

/** The zod schema of a scenario file. @internal */
export const scenarioFileSchema = z
  .strictObject({ ...caseKeys, cases: z.array(caseSchema).min(1).optional() })
  .superRefine((f, ctx) => {
    const o = f as Record<string, unknown>;
    if (f.cases) {
      for (const k of ["input", "expected", "check", "expectedError"]) {
        if (has(o, k))
          addIssue(
            ctx,
            `有 cases 时，${k} 要写在每个用例里`,
            `with cases, ${k} belongs inside each case`,
            [k],
            "misplaced_key",
          );
      }
      f.cases.forEach((c, i) =>
        refineCase(c as Record<string, unknown>, ctx, ["cases", i], f.computation === undefined),
      );
    } else {
      refineCase(o, ctx, [], true);
    }
  });

function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return file.slice(i + 1);
}

/**
 * Parses the text of a scenario file (解析场景文件), YAML or JSON, and checks its shape;
 * the computation and its input are checked when it runs.
 *
 * A file is one case (`computation`, `input`, `parameters`, `expected`,
 * `check`, `expectedError`, `name`, `description`) or several under
 * `cases:`, which inherit the file's `computation` and `parameters`.
 *
 * @param text - the file's text
 * @param file - the name used in messages
 * @returns the scenario
 * @throws {@link ScenarioError} `YAML_SYNTAX`, `INVALID_SCENARIO`, `NUMBER_NOT_EXACT`, each problem at its line
 * @example
 * ```ts
 * const s = parseScenario("computation: core.allocate\ninput: { total: '100.00', weights: [1, 1, 1] }\n", "a.yaml");
 * s.cases[0].computation; // "core.allocate"
 * ```
 * @remarks Implements CLI-SCEN-1.
 */
export function parseScenario(text: string, file = "<scenario>"): Scenario {
  const parsed = parseSource(file, text);
  if (Array.isArray(parsed)) throw new ScenarioError(parsed);
  const src = parsed;
  if (src.doc.contents === null) {
    throw new ScenarioError([
      { code: "INVALID_SCENARIO", file, path: [], zh: "文件是空的，没有场景", en: "the file is empty: no scenario" },
    ]);
  }
  const data = toData(src, src.doc.contents);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ScenarioError([
      problemAt(src, locate(src, []).offset, {
        code: "INVALID_SCENARIO",
        path: [],
        zh: "场景文件应是一个映射（computation: …、input: …），不是列表或单个值",
        en: "a scenario file must be a mapping (computation: …, input: …), not a list or a single value",
      }),
    ]);
  }
  const problems = [
    ...inexactNumbers(src),
    ...schemaProblems(src, scenarioFileSchema, data, [], "INVALID_SCENARIO", "scenario"),
  ];
  if (problems.length) throw new ScenarioError(sortProblems(problems));

  const f = data as Record<string, unknown> & { cases?: Record<string, unknown>[] };
  const fileParams = (f["parameters"] as Record<string, unknown> | undefined) ?? {};
  const rawCases = f.cases ?? [f];
  const cases = rawCases.map((c, index): ScenarioCase => {
    const at: Path = f.cases ? ["cases", index] : [];
    const own = (c["parameters"] as Record<string, unknown> | undefined) ?? {};
    const parameters: Record<string, unknown> = {};
    const parametersAt: Record<string, Path> = {};
    for (const [k, v] of Object.entries(fileParams)) {
      Object.defineProperty(parameters, k, { value: v, enumerable: true, configurable: true, writable: true });
      parametersAt[k] = ["parameters", k];
    }
    for (const [k, v] of Object.entries(own)) {
      Object.defineProperty(parameters, k, { value: v, enumerable: true, configurable: true, writable: true });
      parametersAt[k] = [...at, "parameters", k];
    }
    const computation = (c["computation"] ?? f["computation"]) as string;
    const hasExpected = has(c, "expected");
    const name =
      (c["name"] as string | undefined) ??
      (f.cases
        ? `${(f["name"] as string | undefined) ?? baseName(file)} #${index + 1}`
        : ((f["name"] as string | undefined) ?? baseName(file)));
    return Object.freeze({
      file,
      index,
      name,
      ...(c["description"] !== undefined ? { description: c["description"] as string } : {}),
      computation,
      input: c["input"],
      ...(Object.keys(parameters).length ? { parameters } : {}),
      hasExpected,
      ...(hasExpected ? { expected: toData(src, src.doc.getIn([...at, "expected"], true), true) } : {}),
      ...(c["check"] !== undefined ? { check: c["check"] as string[] } : {}),
      ...(c["expectedError"] !== undefined ? { expectedError: c["expectedError"] as string } : {}),
      at,
      computationAt: c["computation"] !== undefined ? [...at, "computation"] : ["computation"],
      parametersAt,
    });
  });
  const scenario: Scenario = Object.freeze({
    file,
    ...(f.cases && f["name"] !== undefined ? { name: f["name"] as string } : {}),
    ...(f.cases && f["description"] !== undefined ? { description: f["description"] as string } : {}),
    cases: Object.freeze(cases),
  });
  sources.set(scenario, src);
  return scenario;
}

/**
 * Reads and parses a scenario file (读取场景文件).
 * @param path - the file (`.yaml`, `.yml` or `.json`)
 * @param display - the name used in messages (defaults to `path`)
 * @throws {@link ScenarioError} `FILE_NOT_FOUND`, `FILE_UNREADABLE`, and those of {@link parseScenario}
 * @example
 * ```ts
 * loadScenario("examples/core/allocate.yaml").cases.length; // 3
 * ```
 * @remarks Implements CLI-SCEN-1.
 */
export function loadScenario(path: string, display = path): Scenario {
  let text: string;
  try {
    if (statSync(path).isDirectory()) {
      throw new ScenarioError([
        {
          code: "FILE_UNREADABLE",
          file: display,
          path: [],
          zh: "这是一个目录，不是场景文件（测试整个目录请用 sannong test）",
          en: "this is a directory, not a scenario file (use sannong test for a directory)",
        },
      ]);
    }
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as { code?: string }).code;
    if (code === "ENOENT")
      throw new ScenarioError([
        { code: "FILE_NOT_FOUND", file: display, path: [], zh: "找不到文件", en: "no such file" },
      ]);
    throw new ScenarioError([
      {
        code: "FILE_UNREADABLE",
        file: display,
        path: [],
        zh: `无法读取文件（${code ?? "未知原因"}）`,
        en: `cannot read the file (${code ?? "unknown reason"})`,
      },
    ]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseScenario(text, display);
}

/** Problems in file order (by line, then column). @internal */
export function sortProblems(ps: readonly ScenarioProblem[]): ScenarioProblem[] {
  return [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
