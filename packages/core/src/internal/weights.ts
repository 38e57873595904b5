import type { Issue } from "../errors/errors";
import { DECIMAL_MAX_PLACES } from "./decimal";

const PLAIN = /^\+?(\d*)(?:\.(\d*))?$/;

function show(v: unknown): string {
  return typeof v === "string" || typeof v === "number" || typeof v === "bigint"
    ? String(v)
    : v === null
      ? "null"
      : typeof v;
}

/**
 * Reads non-negative weights (safe-integer or finite numbers, plain decimal
 * strings, bigints) into exact integers at one common scale, in one pass and
 * without Decimal objects (the hot path of allocate on 10^5–10^6 weights).
 * Returns the issues, with paths, for anything else — the same messages as
 * `nonNegativeDecimalSchema`.
 * @internal
 */
export function readWeights(
  weights: readonly unknown[],
  path: readonly (string | number)[],
): { ints: bigint[]; issues: Issue[] } {
  const n = weights.length;
  const whole: bigint[] = new Array<bigint>(n);
  const fracs: string[] = new Array<string>(n);
  const issues: Issue[] = [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w === "number" && Number.isSafeInteger(w) && w >= 0) {
      whole[i] = BigInt(w);
      fracs[i] = "";
      continue;
    }
    if (typeof w === "bigint" && w >= 0n) {
      whole[i] = w;
      fracs[i] = "";
      continue;
    }
    let text: string | undefined;
    if (typeof w === "string") text = w.trim();
    else if (typeof w === "number" && Number.isFinite(w)) text = Object.is(w, -0) ? "0" : String(w);
    const m = text !== undefined ? PLAIN.exec(text) : null;
    const int = m?.[1] ?? "";
    const frac = (m?.[2] ?? "").replace(/0+$/, "");
    if (!m || (int === "" && (m[2] ?? "") === "") || int.length > 18 || frac.length > DECIMAL_MAX_PLACES) {
      const negative =
        (typeof w === "number" && w < 0) ||
        (typeof w === "bigint" && w < 0n) ||
        (typeof text === "string" && /^-\s*\d*\.?\d+$/.test(text) && Number(text) !== 0);
      issues.push(
        negative
          ? {
              code: "out_of_range",
              path: [...path, i],
              zh: `不能为负数，实际为 ${show(w)}`,
              en: `must not be negative, got ${show(w)}`,
            }
          : {
              code: "invalid_decimal",
              path: [...path, i],
              zh: `应为十进制数（字符串或有限数字），实际为 ${show(w)}`,
              en: `expected a decimal (string or finite number), got ${show(w)}`,
            },
      );
      whole[i] = 0n;
      fracs[i] = "";
      continue;
    }
    whole[i] = BigInt(int === "" ? "0" : int);
    fracs[i] = frac;
    if (frac.length > scale) scale = frac.length;
  }
  const ints: bigint[] = new Array<bigint>(n);
  const pow = 10n ** BigInt(scale);
  for (let i = 0; i < n; i++) {
    const f = fracs[i]!;
    ints[i] = whole[i]! * pow + (f === "" ? 0n : BigInt(f.padEnd(scale, "0")));
  }
  return { ints, issues };
}
