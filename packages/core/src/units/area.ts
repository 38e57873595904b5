import { deepFreeze } from "../data/deepFreeze";
import * as z from "zod";
import { PolicyError, type ErrorPath, type Lang } from "../errors/errors";
import { Dec, toDec } from "../internal/decimal";
import { fraction, fractionFromDecimal, multiplyFractions, type Fraction } from "../ratio/fraction";
import { addIssue } from "../validation/parse";
import { argError, intArg, objectArg, show } from "../dates/args";

/**
 * A unit of land area (面积单位): `"mu"` 亩, `"hectare"` 公顷, `"sqm"` 平方米.
 * 1 公顷 = 15 亩 = 10000 平方米, so 1 亩 = 2000/3 平方米 and 1 平方米 = 0.0015 亩.
 * @remarks Implements CORE-UNIT-1.
 */
export type AreaUnit = "mu" | "hectare" | "sqm";

/** Every {@link AreaUnit}. */
export const AREA_UNITS: readonly AreaUnit[] = Object.freeze(["mu", "hectare", "sqm"] as const);

/** zod schema of an {@link AreaUnit}. */
export const areaUnitSchema = z.enum(["mu", "hectare", "sqm"]);

/**
 * A land area (面积): a non-negative decimal value (decimal string or finite
 * number) in a unit.
 * @remarks Implements CORE-UNIT-1.
 */
export interface Area {
  /** The non-negative amount, as a decimal string (`"12.5"`) or a finite number. */
  readonly value: string | number;
  /** The unit of `value`. */
  readonly unit: AreaUnit;
}

/** What the area functions accept: an {@link Area}, or a bare non-negative decimal meaning 亩. */
export type AreaInput = Area | string | number;

/** 亩 per unit, exactly. */
const MU_PER: Readonly<Record<AreaUnit, Fraction>> = Object.freeze({
  mu: fraction(1n),
  hectare: fraction(15n),
  sqm: fraction(3n, 2000n),
});
/** 亩 per unit as exact decimals (all terminate). */
const MU_PER_DEC: Readonly<Record<AreaUnit, Dec>> = /*#__PURE__*/ deepFreeze({
  mu: new Dec(1),
  hectare: new Dec(15),
  sqm: new Dec("0.0015"),
});

/**
 * How many 亩 one unit is, as an exact fraction: 1 for 亩, 15 for 公顷, 3/2000
 * for 平方米.
 * @param unit - an area unit
 * @returns 亩 per unit
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown unit
 * @example
 * ```ts
 * import { formatFraction, muPerUnit } from "@sannong/core";
 * formatFraction(muPerUnit("sqm")); // → "3/2000"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function muPerUnit(unit: AreaUnit): Fraction {
  return MU_PER[unitArg(unit, "muPerUnit", ["unit"])];
}

type ReadArea =
  | { value: Dec; unit: AreaUnit }
  | { issues: { path: ErrorPath; code: string; zh: string; en: string }[] };

function isUnit(v: unknown): v is AreaUnit {
  return v === "mu" || v === "hectare" || v === "sqm";
}

function unitArg(v: unknown, fn: string, path: ErrorPath): AreaUnit {
  if (isUnit(v)) return v;
  return argError(
    fn,
    path,
    "invalid_unit",
    `面积单位应为 "mu"（亩）、"hectare"（公顷）或 "sqm"（平方米），实际为 ${show(v)}`,
    `the area unit must be "mu", "hectare" or "sqm", got ${show(v)}`,
  );
}

function readValue(v: unknown, path: ErrorPath): Dec | ReadArea {
  const d = typeof v === "string" || typeof v === "number" ? toDec(v) : undefined;
  if (!d) {
    return {
      issues: [
        {
          path,
          code: "invalid_decimal",
          zh: `面积应为十进制数（字符串或有限数字），实际为 ${show(v)}`,
          en: `an area must be a decimal (string or finite number), got ${show(v)}`,
        },
      ],
    };
  }
  if (d.isNegative())
    return {
      issues: [
        {
          path,
          code: "negative_area",
          zh: `面积不能为负数，实际为 ${show(v)}`,
          en: `an area must not be negative, got ${show(v)}`,
        },
      ],
    };
  return d;
}

/** Reads area input without throwing. @internal */
export function readArea(v: unknown): ReadArea {
  if (typeof v === "string" || typeof v === "number") {
    const d = readValue(v, []);
    return Dec.isDecimal(d) ? { value: d, unit: "mu" } : d;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return {
      issues: [
        {
          path: [],
          code: "invalid_type",
          zh: `面积应为 { value, unit } 或以亩计的数，实际为 ${show(v)}`,
          en: `an area must be { value, unit } or a number of 亩, got ${show(v)}`,
        },
      ],
    };
  }
  const issues: { path: ErrorPath; code: string; zh: string; en: string }[] = [];
  for (const k of Object.keys(v)) {
    if (k !== "value" && k !== "unit")
      issues.push({
        path: [k],
        code: "unrecognized_keys",
        zh: `未知的键 “${k}”（允许：value、unit）`,
        en: `unknown key "${k}" (allowed: value, unit)`,
      });
  }
  const o = v as Record<string, unknown>;
  const d = readValue(o["value"], ["value"]);
  if (!Dec.isDecimal(d)) issues.push(...(d as { issues: typeof issues }).issues);
  if (!isUnit(o["unit"])) {
    issues.push({
      path: ["unit"],
      code: "invalid_unit",
      zh: `面积单位应为 "mu"（亩）、"hectare"（公顷）或 "sqm"（平方米），实际为 ${show(o["unit"])}`,
      en: `the area unit must be "mu", "hectare" or "sqm", got ${show(o["unit"])}`,
    });
  }
  if (issues.length > 0) return { issues };
  return { value: d as Dec, unit: o["unit"] as AreaUnit };
}

function areaArg(v: unknown, fn: string, path: ErrorPath): { value: Dec; unit: AreaUnit } {
  const r = readArea(v);
  if ("issues" in r) {
    const first = r.issues[0];
    if (first) argError(fn, [...path, ...first.path], first.code, first.zh, first.en);
    return argError(fn, path, "invalid_area", "无效面积", "invalid area");
  }
  return r;
}

/**
 * zod schema of a land area: `{ value, unit }` (no other keys) or a bare
 * non-negative decimal string or finite number meaning 亩. Negative values,
 * NaN, ±Infinity, exponent strings and unknown units are rejected. The output
 * is the normalised {@link Area} `{ value: <canonical decimal string>, unit }`
 * (`12` → `{ value: "12", unit: "mu" }`).
 * @example
 * ```ts
 * import { areaSchema } from "@sannong/core";
 * areaSchema.parse("12.5"); // → { value: "12.5", unit: "mu" }
 * areaSchema.parse({ value: 2, unit: "hectare" }); // → { value: "2", unit: "hectare" }
 * areaSchema.safeParse(-1).success; // → false
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export const areaSchema: z.ZodType<{ value: string; unit: AreaUnit }, AreaInput> = z
  .custom<AreaInput>(() => true)
  .transform((v, ctx) => {
    const r = readArea(v);
    if ("issues" in r) {
      for (const i of r.issues) addIssue(ctx, i.zh, i.en, i.path, i.code);
      return z.NEVER;
    }
    return { value: r.value.toFixed(), unit: r.unit };
  }) as unknown as z.ZodType<{ value: string; unit: AreaUnit }, AreaInput>;

/**
 * An area in 亩 (折合亩数), exactly: every unit converts to a terminating
 * decimal of 亩 (公顷 × 15, 平方米 × 0.0015).
 * @param area - `{ value, unit }` or a bare number of 亩
 * @returns the area in 亩 as core `Decimal`
 * @throws {@link ValidationError} `INVALID_INPUT` for a negative, non-finite or malformed area
 * @example
 * ```ts
 * import { toMu } from "@sannong/core";
 * toMu({ value: "2.5", unit: "hectare" }).toFixed(); // → "37.5"
 * toMu({ value: 1, unit: "sqm" }).toFixed(); // → "0.0015"
 * toMu("450").toFixed(); // → "450"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function toMu(area: AreaInput): Dec {
  const a = areaArg(area, "toMu", ["area"]);
  return a.value.times(MU_PER_DEC[a.unit]);
}

/**
 * An area in any unit as an exact fraction (换算): 亩 to 平方米 is × 2000/3,
 * which has no finite decimal, so no precision is lost to a rounded factor.
 * @param area - `{ value, unit }` or a bare number of 亩
 * @param unit - the target unit
 * @returns the exact area in `unit`
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad area or unit
 * @example
 * ```ts
 * import { formatFraction, areaInUnit } from "@sannong/core";
 * formatFraction(areaInUnit({ value: 1, unit: "mu" }, "sqm")); // → "2000/3"
 * formatFraction(areaInUnit({ value: 15, unit: "mu" }, "hectare")); // → "1/1"
 * formatFraction(areaInUnit({ value: 10000, unit: "sqm" }, "mu")); // → "15/1"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function areaInUnit(area: AreaInput, unit: AreaUnit): Fraction {
  const a = areaArg(area, "areaInUnit", ["area"]);
  const to = unitArg(unit, "areaInUnit", ["unit"]);
  const mu = multiplyFractions(fractionFromDecimal(a.value), MU_PER[a.unit]);
  const per = MU_PER[to];
  return multiplyFractions(mu, fraction(per.den, per.num));
}

/**
 * The exact ratio of two areas (面积之比), whatever their units: `a ÷ b`, e.g.
 * expropriated land ÷ per-capita land, without rounding.
 * @param a - numerator area
 * @param b - denominator area, > 0
 * @returns `a ÷ b` as a fraction
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad area;
 *   {@link PolicyError} `ZERO_AREA` when `b` is zero
 * @example
 * ```ts
 * import { formatFraction, areaRatio } from "@sannong/core";
 * formatFraction(areaRatio({ value: 30, unit: "hectare" }, { value: 2, unit: "mu" })); // → "225/1"
 * ```
 * @remarks Implements CORE-UNIT-1 (002 §三(二) 以地定量: quotas never lose precision to unit conversion).
 */
export function areaRatio(a: AreaInput, b: AreaInput): Fraction {
  const x = areaArg(a, "areaRatio", ["a"]);
  const y = areaArg(b, "areaRatio", ["b"]);
  if (y.value.isZero()) {
    throw new PolicyError({
      code: "ZERO_AREA",
      zh: "面积之比的分母面积为零",
      en: "the denominator area of the ratio is zero",
      path: ["b"],
      details: { b: `${y.value.toFixed()} ${y.unit}` },
    });
  }
  const num = multiplyFractions(fractionFromDecimal(x.value), MU_PER[x.unit]);
  const den = multiplyFractions(fractionFromDecimal(y.value), MU_PER[y.unit]);
  return multiplyFractions(num, fraction(den.den, den.num));
}

/**
 * The total of several areas in 亩 (面积合计), exactly.
 * @param areas - areas in any units (an empty list totals 0)
 * @returns the sum in 亩
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad area (path `[index, …]`)
 * @example
 * ```ts
 * import { totalMu } from "@sannong/core";
 * totalMu([{ value: 1, unit: "hectare" }, "2.5", { value: 1000, unit: "sqm" }]).toFixed(); // → "19"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function totalMu(areas: readonly AreaInput[]): Dec {
  if (!Array.isArray(areas))
    argError(
      "totalMu",
      ["areas"],
      "invalid_type",
      `应为数组，实际为 ${show(areas)}`,
      `expected an array, got ${show(areas)}`,
    );
  let s = new Dec(0);
  areas.forEach((v, i) => {
    const a = areaArg(v, "totalMu", ["areas", i]);
    s = s.plus(a.value.times(MU_PER_DEC[a.unit]));
  });
  return s;
}

const UNIT_LABEL: Readonly<Record<AreaUnit, { zh: string; en: string }>> = /*#__PURE__*/ deepFreeze({
  mu: { zh: "亩", en: "mu" },
  hectare: { zh: "公顷", en: "ha" },
  sqm: { zh: "平方米", en: "m²" },
});

/**
 * The name of an area unit in Chinese or English.
 * @param unit - an area unit
 * @param lang - `"zh"` (default) or `"en"`
 * @returns `亩`, `公顷`, `平方米` / `mu`, `ha`, `m²`
 * @throws {@link ValidationError} `INVALID_INPUT` for an unknown unit or language
 * @example
 * ```ts
 * import { areaUnitLabel } from "@sannong/core";
 * areaUnitLabel("hectare"); // → "公顷"
 * areaUnitLabel("sqm", "en"); // → "m²"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function areaUnitLabel(unit: AreaUnit, lang: Lang = "zh"): string {
  const u = unitArg(unit, "areaUnitLabel", ["unit"]);
  if (lang !== "zh" && lang !== "en")
    argError(
      "areaUnitLabel",
      ["lang"],
      "invalid_value",
      `语言应为 "zh" 或 "en"，实际为 ${show(lang)}`,
      `lang must be "zh" or "en", got ${show(lang)}`,
    );
  return UNIT_LABEL[u][lang];
}

/** Options of {@link formatArea}. */
export interface FormatAreaOptions {
  /** Show the area in this unit (default: the area's own unit). */
  readonly unit?: AreaUnit;
  /** Round half-up to this many decimals for display (0–18); default exact. */
  readonly places?: number;
  /** `"zh"` (default) or `"en"`. */
  readonly lang?: Lang;
}

/**
 * Formats an area for display (面积显示), e.g. `"37.5亩"` (zh, no space, as the documents write it) or `"37.5 mu"` (en). Without `places`
 * the exact value is shown; when the conversion has no finite decimal
 * (亩 → 平方米) and no `places` is given, it is rounded half-up to 4 decimals
 * and marked `≈`. Display only: compute with {@link toMu} or
 * {@link areaInUnit}, never with a formatted string.
 * @param area - `{ value, unit }` or a bare number of 亩
 * @param options - target unit, decimals, language
 * @returns the formatted area
 * @throws {@link ValidationError} `INVALID_INPUT` for a bad area or option
 * @example
 * ```ts
 * import { formatArea } from "@sannong/core";
 * formatArea({ value: "2.5", unit: "hectare" }, { unit: "mu" }); // → "37.5亩"
 * formatArea({ value: 1, unit: "mu" }, { unit: "sqm" }); // → "≈666.6667平方米"
 * formatArea({ value: 1, unit: "mu" }, { unit: "sqm", places: 2 }); // → "666.67平方米"
 * formatArea("12", { lang: "en" }); // → "12 mu"
 * ```
 * @remarks Implements CORE-UNIT-1.
 */
export function formatArea(area: AreaInput, options?: FormatAreaOptions): string {
  const fn = "formatArea";
  const a = areaArg(area, fn, ["area"]);
  let unit = a.unit;
  let places: number | undefined;
  let lang: Lang = "zh";
  if (options !== undefined) {
    const o = objectArg(options, fn, ["options"], ["unit", "places", "lang"]);
    if (o["unit"] !== undefined) unit = unitArg(o["unit"], fn, ["options", "unit"]);
    if (o["places"] !== undefined) places = intArg(o["places"], fn, ["options", "places"], 0, 18);
    if (o["lang"] !== undefined) {
      if (o["lang"] !== "zh" && o["lang"] !== "en")
        argError(
          fn,
          ["options", "lang"],
          "invalid_value",
          `语言应为 "zh" 或 "en"，实际为 ${show(o["lang"])}`,
          `lang must be "zh" or "en", got ${show(o["lang"])}`,
        );
      lang = o["lang"];
    }
  }
  const f = multiplyFractions(
    multiplyFractions(fractionFromDecimal(a.value), MU_PER[a.unit]),
    fraction(MU_PER[unit].den, MU_PER[unit].num),
  );
  const exact = new Dec(f.num.toString()).div(f.den.toString());
  const terminates = isTerminating(f.den);
  let text: string;
  if (places !== undefined) text = exact.toFixed(places, Dec.ROUND_HALF_UP);
  else if (terminates) text = exact.toFixed();
  else text = `≈${exact.toFixed(4, Dec.ROUND_HALF_UP)}`;
  return lang === "zh" ? `${text}${UNIT_LABEL[unit].zh}` : `${text} ${UNIT_LABEL[unit].en}`;
}

function isTerminating(den: bigint): boolean {
  let d = den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}
