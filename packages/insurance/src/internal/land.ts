import * as z from "zod";
import { addIssue, areaSchema, type Decimal, toMu, type Area, deepFreeze } from "@sannong/core";

/** A land figure: one area (in 亩, 公顷 or m²), or a breakdown by land type. */
export type LandFigureInput =
  | Area
  | string
  | number
  | { readonly cultivated: Area | string | number; readonly otherAgricultural: Area | string | number };

/** The parsed form of a {@link LandFigureInput}. @internal */
export type LandFigure =
  | { readonly kind: "single"; readonly area: Area }
  | { readonly kind: "breakdown"; readonly cultivated: Area; readonly otherAgricultural: Area };

type Ctx = Parameters<typeof addIssue>[0];

function forward(ctx: Ctx, r: ReturnType<typeof areaSchema.safeParse>, prefix: (string | number)[]): Area | undefined {
  if (r.success) return r.data;
  for (const iss of r.error.issues) {
    const params = (iss as unknown as { params?: { zh?: string; en?: string; code?: string } }).params;
    addIssue(
      ctx,
      params?.zh ?? iss.message,
      params?.en ?? iss.message,
      [...prefix, ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      params?.code ?? iss.code,
    );
  }
  return undefined;
}

/**
 * zod schema of a land figure: an area (`{ value, unit }` or a bare number of
 * 亩), or `{ cultivated, otherAgricultural }` (耕地 / 其他农用地), each an area.
 * @internal
 */
export const landFigureSchema: z.ZodType<LandFigure, LandFigureInput> = z
  .custom<LandFigureInput>(() => true)
  .transform((v, ctx) => {
    if (typeof v === "object" && v !== null && !Array.isArray(v) && ("cultivated" in v || "otherAgricultural" in v)) {
      const o = v as Record<string, unknown>;
      let ok = true;
      for (const k of Object.keys(o)) {
        if (k !== "cultivated" && k !== "otherAgricultural") {
          addIssue(
            ctx,
            `未知的键 “${k}”（允许：cultivated、otherAgricultural）`,
            `unknown key "${k}" (allowed: cultivated, otherAgricultural)`,
            [k],
            "unrecognized_keys",
          );
          ok = false;
        }
      }
      const cultivated = forward(ctx, areaSchema.safeParse(o["cultivated"]), ["cultivated"]);
      const otherAgricultural = forward(ctx, areaSchema.safeParse(o["otherAgricultural"]), ["otherAgricultural"]);
      if (!ok || !cultivated || !otherAgricultural) return z.NEVER;
      return { kind: "breakdown" as const, cultivated, otherAgricultural };
    }
    const area = forward(ctx, areaSchema.safeParse(v), []);
    return area ? { kind: "single" as const, area } : z.NEVER;
  }) as unknown as z.ZodType<LandFigure, LandFigureInput>;

/** The figure in 亩 on a base (cultivated only, or all agricultural land). @internal */
export function figureMu(f: LandFigure, base: "agricultural" | "cultivated"): InstanceType<typeof Decimal> {
  if (f.kind === "single") return toMu(f.area);
  return base === "cultivated" ? toMu(f.cultivated) : toMu(f.cultivated).plus(toMu(f.otherAgricultural));
}

/**
 * A canonical plain decimal with at most 9 integer digits and 4 decimals
 * (what core `areaSchema` would output unchanged). @internal
 */
const SIMPLE = /^(?:0|[1-9]\d{0,8})(?:\.\d{0,3}[1-9])?$/;

/** Units of 1/(2000·10⁴) 亩 per unit: 亩 2000, 公顷 30000 (15 亩), 平方米 3 (0.0015 亩). @internal */
const FACTOR: Readonly<Record<Area["unit"], number>> = /*#__PURE__*/ deepFreeze({ mu: 2000, hectare: 30000, sqm: 3 });

function isUnit(u: unknown): u is Area["unit"] {
  return u === "mu" || u === "hectare" || u === "sqm";
}

function simpleValue(v: unknown): string | undefined {
  if (typeof v === "number") {
    if (!(v >= 0) || !Number.isFinite(v)) return undefined;
    const s = String(v);
    return SIMPLE.test(s) ? s : undefined;
  }
  return typeof v === "string" && SIMPLE.test(v) ? v : undefined;
}

/**
 * zod schema of one area, accepting exactly what core `areaSchema` accepts
 * and giving the same output, with a fast path for the common forms (a plain
 * canonical decimal of at most 4 decimals, alone or as `{ value, unit }`) that
 * skips building a Decimal. Anything else goes through `areaSchema`. The
 * property tests compare it with `areaSchema`. @internal
 */
export const fastAreaSchema: z.ZodType<Area & { readonly value: string }, Area | string | number> = z
  .custom<Area | string | number>(() => true)
  .transform((v, ctx) => {
    const s = simpleValue(v);
    if (s !== undefined) return { value: s, unit: "mu" as const };
    if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) {
      const o = v as unknown as Record<string, unknown>;
      let keys = 0;
      for (const k in o) keys += k === "value" || k === "unit" ? 1 : 100;
      const sv = simpleValue(o["value"]);
      if (keys === 2 && sv !== undefined && isUnit(o["unit"])) return { value: sv, unit: o["unit"] };
    }
    const area = forward(ctx, areaSchema.safeParse(v), []);
    return area ? { value: String(area.value), unit: area.unit } : z.NEVER;
  }) as unknown as z.ZodType<Area & { readonly value: string }, Area | string | number>;

/**
 * The area as an integer number of 1/(2000·10⁴) 亩 when that is a safe
 * integer (exact), or `undefined` (then use {@link toMu}). @internal
 */
export function scaledWeight(a: { readonly value: string; readonly unit: Area["unit"] }): number | undefined {
  if (!SIMPLE.test(a.value)) return undefined;
  const dot = a.value.indexOf(".");
  const int = dot < 0 ? Number(a.value) : Number(a.value.slice(0, dot));
  const frac = dot < 0 ? 0 : Number(a.value.slice(dot + 1).padEnd(4, "0"));
  const w = (int * 10_000 + frac) * FACTOR[a.unit];
  return Number.isSafeInteger(w) ? w : undefined;
}

/** A scaled weight (1/(2000·10⁴) 亩) as a canonical decimal string of 亩. @internal */
export function scaledToMu(w: number): string {
  // w / 2e7 = w × 5 / 1e8
  const n = w * 5;
  if (!Number.isSafeInteger(n)) {
    const b = BigInt(w) * 5n;
    return formatScaled(b / 100_000_000n, Number(b % 100_000_000n));
  }
  return formatScaled(Math.floor(n / 1e8), n % 1e8);
}

function formatScaled(int: bigint | number, frac: number): string {
  if (frac === 0) return String(int);
  return `${int}.${String(frac).padStart(8, "0").replace(/0+$/, "")}`;
}
