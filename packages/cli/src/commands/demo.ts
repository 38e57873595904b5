import { EMBEDDED_EXAMPLES, type EmbeddedExample } from "../internal/examples";
import { ScenarioError, exitCodeOf } from "../scenario/errors";
import { parseScenario, sourceOf } from "../scenario/load";
import { runScenario } from "../scenario/run";
import { refusalText, renderExplain, renderFailure, renderProblems, renderResultBlock } from "../render/outcome";
import type { Registry } from "../scenario/computation";
import { caseNotes } from "../render/notes";
import { EXIT, type Io, type Lang } from "./io";

/**
 * `sannong` with no file: runs the embedded example scenarios of the
 * fictional 青山县 — the same files as `examples/demo/` — and prints
 * each result with its explanation and the check against the expectation
 * written (and checked by hand) in the file.
 * @remarks Implements CLI-DEMO-1.
 * @internal
 */
export function demoCommand(
  registry: Registry,
  opts: { lang: Lang; explain: boolean },
  io: Io,
  examples: readonly EmbeddedExample[] = EMBEDDED_EXAMPLES,
): number {
  const zh = opts.lang === "zh";
  let code: number = EXIT.OK;
  let shown = 0;
  let ok = 0;
  io.out(
    zh
      ? "sannong 演示：虚构的青山县（示例数据，文件在 examples/demo/）\n每个场景依次显示：结果表、计算过程（规则编号与政策原文出处），以及与文件中手工核对过的预期结果的比对。\n"
      : "sannong demo: the fictional 青山县 (Qingshan county; example data, files in examples/demo/)\nEach scenario shows its result table, how it was computed (rule IDs and the sentence of the policy document), and the check against the expected output written, and checked by hand, in the file.\n",
  );
  const total = examples.reduce((n, ex) => n + ex.cases, 0);
  for (const ex of examples) {
    let scenario: ReturnType<typeof parseScenario>;
    try {
      scenario = parseScenario(ex.text, ex.path);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.err(renderProblems(e.problems, opts.lang));
      code = Math.max(code, EXIT.BAD_INPUT);
      continue;
    }
    const src = sourceOf(scenario);
    if (scenario.name) io.out(`■ ${scenario.name}${scenario.description ? `\n${scenario.description.trim()}` : ""}\n`);
    for (const o of runScenario(scenario, { registry })) {
      shown++;
      const c = o.case;
      const parts = [`━━ ${shown}/${total} ━━ ${c.name}（${c.computation}）`];
      if (c.description) parts.push(c.description.trim());
      if (o.status === "invalid" || o.status === "crashed") {
        io.err(renderProblems(o.problems ?? [], opts.lang));
        for (const p of o.problems ?? []) code = Math.max(code, exitCodeOf(p.code));
        continue;
      }
      if (o.output !== undefined) parts.push(renderResultBlock(o, opts.lang));
      if (o.error && c.expectedError !== undefined) {
        parts.push(
          `${zh ? "规则拒绝了这个输入（预期如此）：" : "the rule refuses this input (as expected):"}\n${refusalText(o, opts.lang)}`,
        );
      }
      const explained = renderExplain(o.output, opts.lang, opts.explain ? undefined : 1);
      for (const note of caseNotes(o, opts.lang)) parts.push(note);
      if (explained) parts.push(`${zh ? "计算过程：" : "how it was computed:"}\n${explained}`);
      if (o.status === "passed") {
        ok++;
        parts.push(zh ? `✓ 与预期一致（${c.file}）` : `✓ matches the expected output (${c.file})`);
      } else if (o.status === "failed") {
        code = Math.max(code, EXIT.FAILED);
        parts.push(
          `${zh ? "✗ 与预期不一致" : "✗ does not match the expected output"}\n${renderFailure(o, src, opts.lang)}`,
        );
      } else if (o.status === "refused") {
        code = Math.max(code, EXIT.BAD_INPUT);
        parts.push(refusalText(o, opts.lang));
      }
      io.out(`${parts.join("\n\n")}\n`);
    }
  }
  const first = examples[0]?.path ?? "examples/demo/";
  io.out(
    zh
      ? `${ok === total ? `共 ${total} 个场景，全部与预期一致。` : `共 ${total} 个场景，${ok} 个与预期一致。`}\n接下来可以试试：\n  sannong run ${first} --explain     看完整的计算过程\n  sannong test examples/             像 CI 一样检查所有场景\n  sannong params                     列出所有参数及其来源\n  sannong --help`
      : `${ok === total ? `${total} scenarios, all match their expected output.` : `${total} scenarios, ${ok} match their expected output.`}\nNext, try:\n  sannong run ${first} --explain     the full explanation\n  sannong test examples/             check every scenario, as CI does\n  sannong params                     every parameter and its source\n  sannong --help`,
  );
  return code;
}
