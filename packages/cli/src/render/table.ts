import { displayWidth, pad } from "../internal/width";

const NUMERIC = /^[+-]?(\d[\d,]*(\.\d+)?|\.\d+)(%|\s*(元|亩|人|户|个|年|月|天))?$/u;

/** True for a cell that reads as a number (right-aligned). @internal */
export function isNumericCell(s: string): boolean {
  return NUMERIC.test(s.trim());
}

/**
 * Renders a table in Markdown pipe style, aligned by display width (a
 * Chinese character takes two columns); numeric columns are right-aligned.
 * @internal
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const n = headers.length;
  const cells = rows.map((r) =>
    Array.from({ length: n }, (_, i) => (r[i] ?? "").replace(/\r?\n/g, " ").replace(/\|/g, "\\|")),
  );
  const widths = headers.map((h, i) => Math.max(3, displayWidth(h), ...cells.map((r) => displayWidth(r[i]!))));
  const right = headers.map(
    (_, i) =>
      cells.length > 0 &&
      cells.every((r) => r[i] === "" || r[i] === "—" || isNumericCell(r[i]!)) &&
      cells.some((r) => isNumericCell(r[i]!)),
  );
  const line = (r: readonly string[]): string =>
    `| ${r.map((c, i) => pad(c, widths[i]!, right[i] ? "right" : "left")).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}
