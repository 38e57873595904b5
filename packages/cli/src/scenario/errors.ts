import { SannongError, type Lang } from "@sannong/core";

/**
 * Why a scenario could not be read or run. Bad input (exit code 2) except
 * `INTERNAL_ERROR` (a bug, exit code 3).
 */
export type ScenarioErrorCode =
  | "USAGE"
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "NO_SCENARIOS"
  | "YAML_SYNTAX"
  | "INVALID_SCENARIO"
  | "NUMBER_NOT_EXACT"
  | "UNKNOWN_COMPUTATION"
  | "INVALID_INPUT"
  | "UNKNOWN_PARAMETER"
  | "INVALID_PARAMETER"
  | "INVALID_CHECK"
  | "POLICY_REFUSED"
  | "INTERNAL_ERROR";

/**
 * One problem in a scenario file, located at a line (问题定位): the file, the
 * 1-based line and column, the field path in the file, and zh/en messages.
 * @remarks Implements CLI-SCEN-1.
 */
export interface ScenarioProblem {
  /** Stable code: a {@link ScenarioErrorCode}, or the code of the library error. */
  readonly code: string;
  /** The file as given on the command line (or a label for embedded text). */
  readonly file: string;
  /** 1-based line, when the problem has a place in the file. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Path of the field in the file, e.g. `["cases", 0, "input", "total"]`. */
  readonly path: readonly (string | number)[];
  readonly zh: string;
  readonly en: string;
  /** The source line and a caret under the column, ready to print. */
  readonly frame?: string;
}

/**
 * A scenario file that cannot be read or run: a missing file, a YAML syntax
 * error, an unknown computation, an input the function's schema refuses, an
 * unknown parameter … (场景错误). Every problem is in `problems`, each with its line.
 * @example
 * ```ts
 * try { parseScenario("computation: x\ninptu: {}\n", "a.yaml"); } catch (e) {
 *   if (e instanceof ScenarioError) e.problems.map((p) => [p.code, p.line]);
 *   // [["INVALID_SCENARIO", 1], ["INVALID_SCENARIO", 2]]   (input missing; unknown key "inptu", did you mean "input"?)
 * }
 * ```
 * @remarks Implements CLI-SCEN-1.
 */
export class ScenarioError extends SannongError {
  /** Every problem found, in file order. */
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    const first = problems[0];
    if (!first) throw new TypeError("ScenarioError needs at least one problem");
    const more = problems.length - 1;
    super({
      code: first.code,
      path: first.path,
      zh: `${where(first)}：${first.zh}${more ? `（另有 ${more} 处问题）` : ""}`,
      en: `${where(first)}: ${first.en}${more ? ` (and ${more} more)` : ""}`,
      details: {
        file: first.file,
        line: first.line ?? null,
        column: first.column ?? null,
        problemCount: problems.length,
      },
    });
    this.name = "ScenarioError";
    this.problems = Object.freeze(problems.map((p) => Object.freeze({ ...p, path: Object.freeze([...p.path]) })));
  }

  override toJSON(): ReturnType<SannongError["toJSON"]> & { problems: readonly ScenarioProblem[] } {
    return { ...super.toJSON(), problems: this.problems };
  }
}

/** `file:line:column`, as compilers print it. */
export function where(p: Pick<ScenarioProblem, "file" | "line" | "column">): string {
  return p.line === undefined ? p.file : `${p.file}:${p.line}${p.column === undefined ? "" : `:${p.column}`}`;
}

/** Formats a field path as `cases[0].input.total`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else if (/[.\s[\]"]/.test(seg) || seg === "") s += `[${JSON.stringify(seg)}]`;
    else s += s === "" ? seg : `.${seg}`;
  }
  return s;
}

/** Exit code for a problem code: 3 for a bug, 2 for bad input. */
export function exitCodeOf(code: string): 2 | 3 {
  return code === "INTERNAL_ERROR" ? 3 : 2;
}

/**
 * Formats a scenario problem (问题说明) in one language: code, `file:line:column`,
 * the field and the message, then the source line with a caret.
 * @param p - the problem
 * @param lang - `"zh"` or `"en"`
 * @returns the text, several lines
 * @example
 * ```ts
 * formatProblem(err.problems[0], "en");
 * // error [INVALID_INPUT] a.yaml:4:12
 * //   field input.weights: Invalid input: expected array, received string
 * //   4 |   weights: 'heavy'
 * //     |            ^
 * ```
 * @remarks Implements CLI-SCEN-1.
 */
export function formatProblem(p: ScenarioProblem, lang: Lang): string {
  const label = lang === "zh" ? "错误" : "error";
  const field = p.path.length ? (lang === "zh" ? `字段 ${formatPath(p.path)}：` : `field ${formatPath(p.path)}: `) : "";
  const head = `${label} [${p.code}] ${where(p)}`;
  const body = `  ${field}${lang === "zh" ? p.zh : p.en}`;
  return p.frame ? `${head}\n${body}\n${p.frame}` : `${head}\n${body}`;
}
