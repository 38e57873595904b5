import { ScenarioError, exitCodeOf, type ScenarioProblem } from "../scenario/errors";
import { loadScenario, sourceOf } from "../scenario/load";
import { runScenario } from "../scenario/run";
import { renderFailure, renderProblems } from "../render/outcome";
import { kindOf, scenarioFilesIn } from "../internal/files";
import type { Registry } from "../scenario/computation";
import { builtInRegistry } from "../registry";
import { caseNotes } from "../render/notes";
import { EXIT, type Io, type Lang } from "./io";

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => (l ? `    ${l}` : l))
    .join("\n");
}

/** Expands directories into their scenario files; missing paths become problems. @internal */
export function collectFiles(paths: readonly string[]): { files: string[]; problems: ScenarioProblem[] } {
  const files: string[] = [];
  const problems: ScenarioProblem[] = [];
  for (const p of paths) {
    const kind = kindOf(p);
    if (kind === "missing")
      problems.push({
        code: "FILE_NOT_FOUND",
        file: p,
        path: [],
        zh: "找不到文件或目录",
        en: "no such file or directory",
      });
    else if (kind === "file") files.push(p);
    else {
      const found = scenarioFilesIn(p);
      if (!found.length)
        problems.push({
          code: "NO_SCENARIOS",
          file: p,
          path: [],
          zh: "目录中没有场景文件（.yaml、.yml 或含 computation 的 .json）",
          en: "no scenario files in the directory (.yaml, .yml, or .json with computation)",
        });
      for (const f of found) files.push(f);
    }
  }
  return { files: [...new Set(files)], problems };
}

/**
 * `sannong test <dir|file…>`: runs every scenario, prints one line per case
 * (with expected vs actual and the trace for a failure) and the closing line
 * `N passed, N failed`.
 * @returns 0 when every expectation holds, 1 when one fails, 2 for bad input, 3 for a bug
 * @remarks Implements CLI-TEST-1.
 * @internal
 */
export function testCommand(
  paths: readonly string[],
  lang: Lang,
  io: Io,
  registry: Registry = builtInRegistry,
): number {
  const zh = lang === "zh";
  const word = zh
    ? { pass: "✓ 通过", fail: "✗ 失败", invalid: "! 无效", crashed: "! 出错", skip: "- 未检查" }
    : { pass: "✓ pass", fail: "✗ FAIL", invalid: "! INVALID", crashed: "! CRASH", skip: "- unchecked" };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let code: number = EXIT.OK;
  const raise = (c: number): void => {
    code = Math.max(code, c);
  };
  const { files, problems } = collectFiles(paths);
  if (problems.length) {
    io.out(renderProblems(problems, lang));
    failed += problems.length;
    raise(EXIT.BAD_INPUT);
  }
  const showProgress = files.length >= 10 && io.stderrIsTTY;
  files.forEach((file, i) => {
    if (showProgress) io.progress?.(`[${i + 1}/${files.length}] ${file}`);
    let scenario: ReturnType<typeof loadScenario>;
    try {
      scenario = loadScenario(file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.out(`${word.invalid}  ${file}\n${indent(renderProblems(e.problems, lang))}`);
      failed++;
      for (const p of e.problems) raise(exitCodeOf(p.code));
      return;
    }
    const src = sourceOf(scenario);
    for (const o of runScenario(scenario, { registry })) {
      const label = `${file} › ${o.case.name} (${o.case.computation})`;
      const notes = caseNotes(o, lang)
        .map((n) => `\n    ${n}`)
        .join("");
      switch (o.status) {
        case "passed":
          passed++;
          io.out(`${word.pass}  ${label}${notes}`);
          break;
        case "failed":
          failed++;
          raise(EXIT.FAILED);
          io.out(`${word.fail}  ${label}${notes}\n${indent(renderFailure(o, src, lang))}`);
          break;
        case "invalid":
        case "crashed":
          failed++;
          for (const p of o.problems ?? []) raise(exitCodeOf(p.code));
          io.out(
            `${o.status === "invalid" ? word.invalid : word.crashed}  ${label}\n${indent(renderProblems(o.problems ?? [], lang))}`,
          );
          break;
        default:
          skipped++;
          io.out(`${word.skip}  ${label}${zh ? "（没有 expected）" : " (no expected output)"}`);
      }
    }
  });
  if (showProgress) io.progress?.("");
  if (skipped)
    io.out(
      zh
        ? `（${skipped} 个用例没有写 expected，未计入）`
        : `(${skipped} cases state no expected output and are not counted)`,
    );
  io.out(`${passed} passed, ${failed} failed`);
  return code;
}
