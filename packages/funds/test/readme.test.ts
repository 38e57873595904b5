/**
 * The README's examples run, and every value they show (`expr; // → value`)
 * is what the code returns (the same doc-test the guides use).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { doctestModule } from "../../../test/docs/doctest";

const here = dirname(fileURLToPath(import.meta.url));

it("FUNDS-FACTOR-1: every README example shows what the code returns (one per headline function)", async () => {
  const markdown = readFileSync(join(here, "..", "README.md"), "utf8");
  const { source, checks } = doctestModule(markdown);
  const failures: string[] = [];
  let ran = 0;
  (globalThis as unknown as { __docCheck: unknown }).__docCheck = (
    line: number,
    actual: () => unknown,
    expected: string,
  ): void => {
    ran++;
    const value: unknown = JSON.parse(JSON.stringify(actual()) ?? "null");
    const want: unknown = new Function(`return (${expected});`)();
    if (JSON.stringify(value) !== JSON.stringify(want))
      failures.push(`README.md:${line}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
  };
  const dir = join(here, "..", ".tmp");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "readme.generated.ts");
  writeFileSync(file, source);
  await import(`${file}?t=${Date.now()}`);
  expect(failures).toEqual([]);
  expect(ran).toBe(checks);
  expect(checks).toBeGreaterThanOrEqual(12);
});
