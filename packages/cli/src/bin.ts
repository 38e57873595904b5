#!/usr/bin/env node
/**
 * The `sannong` executable: runs {@link main} with the process's arguments
 * and streams, and exits with its code. Nothing here is for import.
 */
import { readFileSync } from "node:fs";
import { main } from "./commands/main";
import type { Io } from "./commands/io";

declare const __SANNONG_CLI_VERSION__: string | undefined;

function version(): string {
  if (typeof __SANNONG_CLI_VERSION__ === "string") return __SANNONG_CLI_VERSION__;
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
      .version;
  } catch {
    return "0.0.0";
  }
}

function today(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const io: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  progress: (s) => process.stderr.write(s ? `\r\x1b[2K${s}` : "\r\x1b[2K"),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  today,
  version: version(),
};

let code: number;
try {
  code = main(process.argv.slice(2), io);
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(
    `错误 [INTERNAL_ERROR] sannong 内部出错，请报告：${msg}\nerror [INTERNAL_ERROR] an internal error in sannong, please report it: ${msg}\n`,
  );
  if (process.env["SANNONG_DEBUG"] && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  code = 3;
}
process.exitCode = code;
