/**
 * Where the `sannong` command writes and what it knows of its surroundings
 * (输入输出), so it can run without a process (tests, embedding).
 * @remarks Implements CLI-RUN-1.
 */
export interface Io {
  /** Writes to standard output (a newline is added). */
  readonly out: (text: string) => void;
  /** Writes to standard error (a newline is added). */
  readonly err: (text: string) => void;
  /** Writes a progress line to standard error, replacing the previous one (TTY only). */
  readonly progress?: (text: string) => void;
  /** True when standard error is a terminal (progress is shown only then). */
  readonly stderrIsTTY: boolean;
  /** Today's date `YYYY-MM-DD` (the default `--as-of` of `sannong params`). */
  readonly today: () => string;
  /** The package version printed by `--version`. */
  readonly version: string;
}

/** The language of messages. */
export type Lang = "zh" | "en";

/**
 * Exit codes of the `sannong` command (退出码): 0 ok, 1 a failing expectation,
 * 2 bad input or usage, 3 a bug in sannong.
 * @remarks Implements CLI-TEST-1.
 */
export const EXIT = Object.freeze({ OK: 0, FAILED: 1, BAD_INPUT: 2, INTERNAL: 3 });
