import { parseArgs } from "node:util";
import { builtInRegistry } from "../registry";
import type { Registry } from "../scenario/computation";
import { closest } from "../internal/levenshtein";
import { demoCommand } from "./demo";
import { helpText } from "./help";
import { EXIT, type Io, type Lang } from "./io";
import { listCommand } from "./list";
import { paramsCommand } from "./params";
import { runCommand } from "./run";
import { testCommand } from "./test";
import { usageError } from "./usage";

const COMMANDS = ["run", "test", "params", "list", "demo", "help"] as const;
type Command = (typeof COMMANDS)[number];

/** Which options each command takes. */
const ALLOWED: Record<Command, readonly string[]> = {
  run: ["lang", "json", "explain"],
  test: ["lang"],
  params: ["lang", "json", "stale-before", "as-of"],
  list: ["lang", "json"],
  demo: ["lang", "explain"],
  help: ["lang"],
};

function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
  }
  return "zh";
}

function parseArgv(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: "string" },
      json: { type: "boolean" },
      explain: { type: "boolean" },
      "stale-before": { type: "string" },
      "as-of": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}

/**
 * The `sannong` command (命令行): parses the arguments (node's `util.parseArgs`) and runs a command.
 * Never throws for bad input: every problem is one message and an exit code.
 * @param argv - the arguments after the program name
 * @param io - where to write
 * @param registry - the computations (the built-in ones by default)
 * @returns the exit code: 0 ok, 1 a failing expectation, 2 bad input or usage, 3 a bug
 * @throws only for a bug in sannong itself (the executable turns it into exit code 3)
 * @example
 * ```ts
 * main(["test", "examples/"], io); // 0, after printing "12 passed, 0 failed"
 * ```
 * @remarks Implements CLI-RUN-1, CLI-TEST-1, CLI-PARAM-1, CLI-DEMO-1.
 */
export function main(argv: readonly string[], io: Io, registry: Registry = builtInRegistry): number {
  const lang0 = langOf(argv);
  let parsed: ReturnType<typeof parseArgv>;
  try {
    parsed = parseArgv(argv);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const opt = /'([^']+)'/.exec(msg)?.[1];
    const code = (e as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      return usageError(io, lang0, `未知选项 ${opt ?? msg}`, `unknown option ${opt ?? msg}`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      return usageError(
        io,
        lang0,
        `选项 ${opt ?? ""} 缺少取值或取值无效`,
        `option ${opt ?? ""} is missing its value or has a bad one`,
      );
    }
    return usageError(io, lang0, `无法解析参数：${msg}`, `cannot read the arguments: ${msg}`);
  }
  const v = parsed.values;
  if (v.lang !== undefined && v.lang !== "zh" && v.lang !== "en") {
    return usageError(
      io,
      lang0,
      `--lang 只能是 zh 或 en，实际为 “${v.lang}”`,
      `--lang must be zh or en, got "${v.lang}"`,
    );
  }
  const lang: Lang = v.lang === "en" ? "en" : "zh";
  if (v.version) {
    io.out(io.version);
    return EXIT.OK;
  }
  const [first, ...rest] = parsed.positionals;
  if (v.help || first === "help") {
    io.out(helpText(lang));
    return EXIT.OK;
  }
  let command: Command;
  let args: string[];
  if (first === undefined) {
    command = "demo";
    args = [];
  } else if ((COMMANDS as readonly string[]).includes(first)) {
    command = first as Command;
    args = rest;
  } else if (/\.(ya?ml|json)$/i.test(first)) {
    command = "run";
    args = parsed.positionals;
  } else {
    const near = closest(first, COMMANDS);
    return usageError(
      io,
      lang,
      `未知命令 “${first}”${near.length ? `，是否应为 ${near.join("、")}？` : ""}（可用：${COMMANDS.join("、")}）`,
      `unknown command "${first}"${near.length ? `; did you mean ${near.join(", ")}?` : ""} (commands: ${COMMANDS.join(", ")})`,
    );
  }
  for (const key of Object.keys(v)) {
    if (key === "help" || key === "version") continue;
    if (!ALLOWED[command].includes(key)) {
      return usageError(
        io,
        lang,
        `命令 ${command} 不接受选项 --${key}`,
        `the ${command} command does not take --${key}`,
      );
    }
  }
  switch (command) {
    case "run":
      if (!args.length)
        return usageError(io, lang, "sannong run 需要至少一个场景文件", "sannong run needs at least one scenario file");
      return runCommand(args, { lang, json: Boolean(v.json), explain: Boolean(v.explain) }, io, registry);
    case "test":
      if (!args.length)
        return usageError(
          io,
          lang,
          "sannong test 需要至少一个目录或场景文件，如 sannong test examples/",
          "sannong test needs at least one directory or scenario file, e.g. sannong test examples/",
        );
      return testCommand(args, lang, io, registry);
    case "params":
      if (args.length)
        return usageError(
          io,
          lang,
          `sannong params 不接受文件参数：${args.join(" ")}`,
          `sannong params takes no files: ${args.join(" ")}`,
        );
      return paramsCommand(
        registry,
        {
          lang,
          json: Boolean(v.json),
          ...(v["stale-before"] !== undefined ? { staleBefore: v["stale-before"] } : {}),
          ...(v["as-of"] !== undefined ? { asOf: v["as-of"] } : {}),
        },
        io,
      );
    case "list":
      if (args.length)
        return usageError(
          io,
          lang,
          `sannong list 不接受文件参数：${args.join(" ")}`,
          `sannong list takes no files: ${args.join(" ")}`,
        );
      return listCommand(registry, lang, Boolean(v.json), io);
    case "demo":
      if (args.length)
        return usageError(
          io,
          lang,
          `演示不接受文件参数（要运行文件请用 sannong run）：${args.join(" ")}`,
          `the demo takes no files (use sannong run for files): ${args.join(" ")}`,
        );
      return demoCommand(registry, { lang, explain: Boolean(v.explain) }, io);
    default:
      io.out(helpText(lang));
      return EXIT.OK;
  }
}
