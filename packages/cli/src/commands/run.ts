import { ScenarioError, exitCodeOf, type ScenarioProblem } from "../scenario/errors";
import { loadScenario, sourceOf } from "../scenario/load";
import { runScenario, type CaseOutcome } from "../scenario/run";
import {
  caseHeading,
  refusalText,
  renderExplain,
  renderFailure,
  renderProblems,
  renderResultBlock,
} from "../render/outcome";
import type { Registry } from "../scenario/computation";
import { builtInRegistry } from "../registry";
import { caseNotes } from "../render/notes";
import { EXIT, type Io, type Lang } from "./io";

/** Options of `sannong run`. */
export interface RunCommandOptions {
  readonly lang: Lang;
  readonly json: boolean;
  readonly explain: boolean;
}

function jsonOf(o: CaseOutcome): Record<string, unknown> {
  return {
    file: o.case.file,
    case: o.case.index,
    name: o.case.name,
    computation: o.case.computation,
    status: o.status,
    ...(o.output !== undefined ? { output: o.output } : {}),
    ...(o.mismatches ? { mismatches: o.mismatches } : {}),
    ...(o.error ? { error: o.error.toJSON() } : {}),
    ...(o.problems ? { problems: o.problems } : {}),
    ...(o.unusedParameters ? { unusedParameters: o.unusedParameters } : {}),
  };
}

/**
 * `sannong run <file…>`: computes each scenario and prints its result as
 * tables (or JSON), with the trace on `--explain`.
 * @returns the exit code: 0, 1 when an expectation fails, 2 for bad input, 3 for a bug
 * @internal
 */
export function runCommand(
  files: readonly string[],
  opts: RunCommandOptions,
  io: Io,
  registry: Registry = builtInRegistry,
): number {
  const zh = opts.lang === "zh";
  let code: number = EXIT.OK;
  const raise = (c: number): void => {
    code = Math.max(code, c);
  };
  const json: Record<string, unknown>[] = [];
  const reportProblems = (file: string, problems: readonly ScenarioProblem[]): void => {
    io.err(renderProblems(problems, opts.lang));
    for (const p of problems) raise(exitCodeOf(p.code));
    if (opts.json) json.push({ file, status: "invalid", problems });
  };
  files.forEach((file, i) => {
    if (files.length >= 10 && io.stderrIsTTY) io.progress?.(`[${i + 1}/${files.length}] ${file}`);
    let scenario: ReturnType<typeof loadScenario>;
    try {
      scenario = loadScenario(file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      reportProblems(file, e.problems);
      return;
    }
    const src = sourceOf(scenario);
    for (const o of runScenario(scenario, { registry })) {
      if (o.status === "invalid" || o.status === "crashed") {
        // as reportProblems, but the JSON entry keeps the case and its own status (a crash is not "invalid")
        io.err(renderProblems(o.problems ?? [], opts.lang));
        for (const p of o.problems ?? []) raise(exitCodeOf(p.code));
        if (opts.json) json.push(jsonOf(o));
        continue;
      }
      if (opts.json) json.push(jsonOf(o));
      if (o.status === "refused") {
        if (!opts.json) io.out(caseHeading(o, opts.lang));
        io.err(refusalText(o, opts.lang));
        raise(EXIT.BAD_INPUT);
        continue;
      }
      if (o.status === "failed") raise(EXIT.FAILED);
      if (opts.json) continue;
      const parts = [caseHeading(o, opts.lang)];
      if (o.output !== undefined) parts.push(renderResultBlock(o, opts.lang));
      if (o.error && o.case.expectedError !== undefined) {
        parts.push(
          `${zh ? "规则拒绝了这个输入（预期如此）：" : "the rule refuses this input (as expected):"}\n${refusalText(o, opts.lang)}`,
        );
      }
      if (opts.explain) {
        const t = renderExplain(o.output, opts.lang);
        parts.push(
          t
            ? `${zh ? "计算过程：" : "how it was computed:"}\n${t}`
            : zh
              ? "（此计算不输出计算过程）"
              : "(this computation gives no trace)",
        );
      }
      for (const note of caseNotes(o, opts.lang)) parts.push(note);
      if (o.status === "passed") parts.push(zh ? "✓ 与预期一致" : "✓ matches the expected output");
      if (o.status === "failed")
        parts.push(
          `${zh ? "✗ 与预期不一致" : "✗ does not match the expected output"}\n${renderFailure(o, src, opts.lang)}`,
        );
      io.out(`${parts.join("\n\n")}\n`);
    }
  });
  if (files.length >= 10 && io.stderrIsTTY) io.progress?.("");
  if (opts.json) io.out(JSON.stringify(json, null, 2));
  return code;
}
