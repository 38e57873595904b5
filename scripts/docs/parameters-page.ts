/**
 * The parameters page: every built-in parameter with its value history,
 * source and verified flag — from the same lists `sannong params` reads.
 */
import type { Parameter } from "@sannong/core";
import * as core from "@sannong/core";
import * as funds from "@sannong/funds";
import * as assets from "@sannong/assets";
import * as insurance from "@sannong/insurance";
import * as migrants from "@sannong/migrants";

/** All built-in parameters by package. */
export function builtInParameters(): { pkg: string; params: readonly Parameter[] }[] {
  const lists: [string, unknown][] = [
    ["core", (core as Record<string, unknown>)["coreParameters"]],
    ["funds", (funds as Record<string, unknown>)["fundsParameters"]],
    ["assets", (assets as Record<string, unknown>)["assetsParameters"]],
    ["insurance", (insurance as Record<string, unknown>)["insuranceParameters"]],
    ["migrants", (migrants as Record<string, unknown>)["migrantsParameters"]],
  ];
  return lists.map(([pkg, list]) => {
    if (!Array.isArray(list)) throw new Error(`@sannong/${pkg} exports no ${pkg}Parameters list`);
    return { pkg, params: list as readonly Parameter[] };
  });
}

const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const show = (v: unknown): string => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return esc(s.length > 80 ? `${s.slice(0, 79)}…` : s);
};

export async function parametersMarkdown(): Promise<string> {
  const lines = [
    "---",
    "title: Parameters 参数",
    "---",
    "",
    "# Parameters 参数",
    "",
    "Every built-in parameter: each dated value, where it comes from, and whether a person has verified it against the document (`verified`). A value marked unverified is the library's best reading or an assumption; a county overlays its own standard with `overlay(set, { id: { value, from } })` or a scenario's `parameters:`. Generated from the packages' parameter lists (the same data `sannong params` prints).",
    "",
  ];
  for (const { pkg, params } of builtInParameters()) {
    lines.push(
      `## @sannong/${pkg}`,
      "",
      "| id | label | unit | from | until | value | source | verified |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const p of [...params].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      for (const v of p.values) {
        const src =
          [v.source.document, v.source.article].filter(Boolean).join(" ") +
          (v.source.note ? ` — ${v.source.note}` : "");
        lines.push(
          `| \`${p.id}\` | ${esc(p.label.zh)} / ${esc(p.label.en)} | ${esc(p.unit)} | ${v.from} | ${v.until ?? ""} | ${show(v.value)} | ${esc(src)} | ${v.source.verified ? "yes" : "**no**"} |`,
        );
      }
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
