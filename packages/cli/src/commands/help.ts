import type { Lang } from "./io";

/** The `--help` text. @internal */
export function helpText(lang: Lang): string {
  if (lang === "en") {
    return `sannong — run, test and explain Chinese rural-policy computations

Usage:
  sannong                         run the demo: example scenarios of a fictional county (青山县)
  sannong run <file…>             compute scenario files and print the results as tables
  sannong test <dir|file…>        check every scenario that states an expected output (for CI)
  sannong params                  list the built-in parameters: value in force, effective date, source
  sannong list                    list the computations a scenario can name

Options:
  --lang zh|en                    language of the output (default zh)
  --json                          machine-readable output (run, params, list); money as decimal strings
  --explain                       show how each number was computed (run, demo)
  --stale-before <YYYY-MM-DD>     params: only those whose last value took effect before the date
  --as-of <YYYY-MM-DD>            params: the date of the values shown (default today)
  -h, --help                      this help
  -v, --version                   the version

A scenario file (YAML or JSON):
  computation: core.allocate      # <package>.<function>
  input: { total: "100.00", weights: [1, 1, 1] }
  parameters: { <parameter id>: <value> }     # optional overlay of the package's parameters
  expected: ["33.34", "33.33", "33.33"]       # optional; compared exactly
  check: ["[0]"]                  # optional: compare only these fields
Several cases go under cases:, each with its own input and expected.

Exit codes: 0 ok, 1 an expectation failed, 2 bad input (file, YAML, computation, field), 3 a bug in sannong.`;
  }
  return `sannong — 运行、测试并解释农村政策计算

用法：
  sannong                         运行演示：虚构的青山县的示例场景
  sannong run <文件…>             计算场景文件，以表格显示结果
  sannong test <目录|文件…>       检查所有写了预期结果（expected）的场景（供 CI 使用）
  sannong params                  列出内置参数：现行取值、生效日期、来源、是否已核实
  sannong list                    列出场景可以使用的计算

选项：
  --lang zh|en                    输出语言（默认 zh）
  --json                          机器可读输出（run、params、list）；金额为十进制字符串
  --explain                       显示每个数字的计算过程（run、演示）
  --stale-before <YYYY-MM-DD>     params：只列出最新取值早于该日生效的参数
  --as-of <YYYY-MM-DD>            params：显示哪一天的取值（默认今天）
  -h, --help                      显示本帮助
  -v, --version                   显示版本

场景文件（YAML 或 JSON）：
  computation: core.allocate      # <包>.<函数>
  input: { total: "100.00", weights: [1, 1, 1] }
  parameters: { <参数编号>: <取值> }          # 可选：覆盖该包的参数
  expected: ["33.34", "33.33", "33.33"]       # 可选：精确比对
  check: ["[0]"]                  # 可选：只比对这些字段
多个用例写在 cases: 下，每个用例有自己的 input 和 expected。

退出码：0 正常，1 有预期不符，2 输入有误（文件、YAML、计算名、字段），3 sannong 自身缺陷。`;
}
