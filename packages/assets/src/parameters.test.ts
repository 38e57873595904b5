import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { paramAt, POLICY_DOCUMENTS } from "@sannong/core";
import { assetsParameters, assetsParameterSet } from "./parameters";

const root = join(__dirname, "..", "..", "..");
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, "");
const text003 = squash(readFileSync(join(root, POLICY_DOCUMENTS["public-assets-revitalization"].file), "utf8"));
const allDocs = Object.values(POLICY_DOCUMENTS)
  .map((d) => squash(readFileSync(join(root, d.file), "utf8")))
  .join("\n");
/** The “…” quotations of a note (an ellipsis … inside one is a cut). */
const quotations = (note: string): string[] =>
  [...note.matchAll(/“([^”]+)”/g)].flatMap((m) => m[1]!.split("…").filter((f) => f.length > 1));

describe("assets parameters", () => {
  it("ASSET-REVIT-3: the milestones are the document's own 完成时限 — verified, quoted, from its one start date", () => {
    const use = paramAt(assetsParameterSet, "assets.revitalization.milestones", "2021-06-30");
    expect(use.source).toMatchObject({ document: "《盘活用好镇村公有资产工作方案》", verified: true });
    expect(use.from).toBe(POLICY_DOCUMENTS["public-assets-revitalization"].effectiveFrom);
    const quoted = quotations(use.source.note ?? "");
    // 3月底前 → 03-31, 5月底前 → 05-31, 6月底前 → 06-30, 12月底前 → 12-31
    expect(quoted).toEqual([
      "（完成时限：2021年3月底前）",
      "（完成时限：2021年5月底前）",
      "（完成时限：2021年6月底前）",
      "（完成时限：2021年12月底前）",
    ]);
    for (const q of quoted) expect(text003.includes(squash(q)), q).toBe(true);
    expect((use.value as { due: string }[]).map((m) => m.due)).toEqual([
      "2021-03-31",
      "2021-05-31",
      "2021-06-30",
      "2021-12-31",
    ]);
  });

  it("ASSET-DEP-2, ASSET-REV-2, ASSET-NEED-2: every open figure names sannong as its source, never a document; its quotations are verbatim", () => {
    const titles = Object.values(POLICY_DOCUMENTS).flatMap((d) => [d.title, d.short]);
    for (const p of assetsParameters) {
      for (const v of p.values) {
        if (v.source.verified) {
          expect(titles, p.id).toContain(v.source.document);
        } else {
          expect(v.source.document, p.id).toBe("sannong default");
          expect(v.source.note?.length ?? 0, `${p.id} says where its value came from`).toBeGreaterThan(20);
        }
        for (const q of quotations(v.source.note ?? ""))
          expect(allDocs.includes(squash(q)), `${p.id}: ${q}`).toBe(true);
      }
    }
  });

  it("ASSET-REV-2, ASSET-REVIT-1: a parameter of a document's rule starts on that document's one date", () => {
    const from = (id: string) => paramAt(assetsParameterSet, id, "2022-01-01").from;
    expect(from("assets.revenue.minReserveRatio")).toBe(POLICY_DOCUMENTS["qinghemen-poverty-assets"].effectiveFrom);
    expect(from("assets.revitalization.deadlineMonths")).toBe(
      POLICY_DOCUMENTS["public-assets-revitalization"].effectiveFrom,
    );
    expect(from("assets.needs.purposePriority")).toBe(POLICY_DOCUMENTS["public-assets-revitalization"].effectiveFrom);
  });
});
