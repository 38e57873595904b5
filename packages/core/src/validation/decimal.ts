import * as z from "zod";
import { type Dec, toDec } from "../internal/decimal";
import { addIssue } from "./parse";

function show(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? String(v) : v === null ? "null" : typeof v;
}

function decimalWith(check: (d: Dec) => boolean, zh: string, en: string): z.ZodType<Dec, string | number> {
  return z
    .custom<string | number>(() => true)
    .transform((v, ctx) => {
      const d = typeof v === "string" || typeof v === "number" ? toDec(v) : undefined;
      if (!d) {
        addIssue(
          ctx,
          `应为十进制数（字符串或有限数字），实际为 ${show(v)}`,
          `expected a decimal (string or finite number), got ${show(v)}`,
          [],
          "invalid_decimal",
        );
        return z.NEVER;
      }
      if (!check(d)) {
        addIssue(ctx, `${zh}，实际为 ${show(v)}`, `${en}, got ${show(v)}`, [], "out_of_range");
        return z.NEVER;
      }
      return d;
    }) as unknown as z.ZodType<Dec, string | number>;
}

/**
 * A decimal given as a plain decimal string (`"0.035"`) or a finite number,
 * parsed exactly to a Decimal (no binary-float step). NaN, ±Infinity,
 * exponent strings and more than 18 decimals are rejected.
 * @remarks Implements CORE-RATIO-1.
 */
export const decimalSchema = decimalWith(() => true, "", "");
/** A decimal ≥ 0 (weights, areas, counts of units). */
export const nonNegativeDecimalSchema = decimalWith((d) => d.gte(0), "不能为负数", "must not be negative");
/** A decimal > 0. */
export const positiveDecimalSchema = decimalWith((d) => d.gt(0), "必须大于零", "must be greater than zero");
/** A ratio in [0, 1] (rates, shares, thresholds). */
export const ratioSchema = decimalWith((d) => d.gte(0) && d.lte(1), "必须在 0 到 1 之间", "must be between 0 and 1");
/** A non-negative safe integer given as a number (a count of persons, places, months). */
export const countSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
