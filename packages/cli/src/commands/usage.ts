import { EXIT, type Io, type Lang } from "./io";

/** Prints a usage error (exit code 2) with the hint to `--help`. @internal */
export function usageError(io: Io, lang: Lang, zh: string, en: string): number {
  io.err(
    lang === "zh"
      ? `错误 [USAGE] ${zh}\n  运行 sannong --help 查看用法。`
      : `error [USAGE] ${en}\n  Run sannong --help for usage.`,
  );
  return EXIT.BAD_INPUT;
}
