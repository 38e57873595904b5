import * as z from "zod";
import {
  Decimal,
  moneyFromFen,
  parseInput,
  plainObject,
  paramAt,
  type Money,
  type ParameterSet,
  type ParameterUse,
  type LegalDate,
  deepFreeze,
} from "@sannong/core";
import { fail } from "../errors";
import { fundsParameterSet, type FundsOptions } from "../parameters";

/** The rounding unit in 分 of a validated unit string (default 0.01 元 = 1 分). @internal */
export function unitFen(unit: string | undefined): bigint {
  return unit === undefined ? 1n : BigInt(new Decimal(unit).times(100).toFixed(0));
}

/** Throws TOTAL_NOT_MULTIPLE_OF_UNIT unless `m` is a multiple of the unit. @internal */
export function requireMultiple(m: Money, uFen: bigint, unit: string | undefined, path: (string | number)[]): void {
  if (m.fen % uFen !== 0n) fail("TOTAL_NOT_MULTIPLE_OF_UNIT", { total: String(m), unit: unit ?? "0.01" }, path);
}

/** Money from a count of units of `uFen` 分. @internal */
export function unitsToMoney(units: bigint, uFen: bigint): Money {
  return moneyFromFen(units * uFen);
}

/** The parameter set of a call (the options are validated too). @internal */
export function paramsOf(options: FundsOptions | undefined, fn: string): ParameterSet {
  const o = parseInput(optionsSchema, options, fn);
  return o?.parameters ?? fundsParameterSet;
}

/** Reads a parameter at a date and remembers its use for the trace. @internal */
export function readParam<T>(set: ParameterSet, id: string, date: LegalDate, uses: ParameterUse[]): T {
  const use = paramAt<T>(set, id, date);
  if (!uses.some((u) => u.id === use.id && u.from === use.from)) uses.push(use);
  return use.value;
}

/** Options schema shared by every function (validated only for shape). @internal */
export const optionsSchema = plainObject(
  z.strictObject({
    parameters: z
      .custom<ParameterSet>(
        (v) => typeof v === "object" && v !== null && (v as { parameters?: unknown }).parameters instanceof Map,
      )
      .optional(),
  }),
).optional();

/**
 * Refinement option: run a cross-field check only when every field parsed
 * cleanly (zod otherwise runs object refinements after continuable field
 * issues, on data that may be malformed).
 * @internal
 */
export const ONLY_WHEN_VALID = /*#__PURE__*/ deepFreeze({
  when: (payload: { issues: readonly unknown[] }): boolean => payload.issues.length === 0,
});
