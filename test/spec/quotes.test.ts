import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY_DOCUMENTS, PROCEDURE_RULES, type RuleRef } from "@sannong/core";
import { RULES as ASSETS } from "@sannong/assets";
import { RULES as FUNDS } from "@sannong/funds";
import { RULES as INSURANCE } from "@sannong/insurance";
import { RULES as MIGRANTS } from "@sannong/migrants";

const root = join(import.meta.dirname, "..", "..");
/** Whitespace is not part of a sentence: the documents break lines and pad characters at random. */
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, "");

const texts = new Map(
  Object.values(POLICY_DOCUMENTS).map((d) => [d.key, squash(readFileSync(join(root, d.file), "utf8"))]),
);

const all: [string, RuleRef][] = [PROCEDURE_RULES, ASSETS, FUNDS, INSURANCE, MIGRANTS].flatMap(
  (r) => Object.entries(r) as [string, RuleRef][],
);

describe("rule quotes are the documents' own words", () => {
  it.each(all.filter(([, r]) => r.quote !== undefined))(
    "%s: every fragment of its quote is in its document",
    (id, r) => {
      expect(r.document, `${id} quotes without naming its document`).toBeDefined();
      const text = texts.get(r.document!);
      expect(text, `${id}: unknown document ${r.document}`).toBeDefined();
      for (const fragment of r.quote!.split("……")) {
        expect(text!.includes(squash(fragment)), `${id}: not in ${r.document}: ${fragment}`).toBe(true);
      }
      expect(r.citation.startsWith(POLICY_DOCUMENTS[r.document!].short)).toBe(true);
    },
  );

  it("every @sannong/assets rule from a document carries its quote; only the declared rules of sannong's own making have none", () => {
    // ASSET-DEP-2 (depreciation conventions: general accounting practice) and ASSET-REV-6 (exact money) are sannong's
    const own = new Set(["ASSET-DEP-2", "ASSET-REV-6"]);
    for (const [id, r] of Object.entries(ASSETS) as [string, RuleRef][]) {
      if (own.has(id)) {
        expect([r.document, r.quote], `${id} is of sannong's own making`).toEqual([undefined, undefined]);
        expect(r.citation, id).toContain("sannong");
      } else {
        expect(r.document, `${id} names no document`).toBeDefined();
        expect(r.quote?.length ?? 0, `${id} has no quote`).toBeGreaterThan(0);
      }
    }
  });

  it("a rule's key is its id", () => {
    for (const [key, r] of all) expect(r.id).toBe(key);
  });

  it("the documents' texts are the steering copies, unedited (every file is read and non-empty)", () => {
    for (const d of Object.values(POLICY_DOCUMENTS)) expect(texts.get(d.key)!.length).toBeGreaterThan(1000);
  });
});
