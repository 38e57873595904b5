import * as z from "zod";
import { addIssue, areaSchema, Decimal, toMu, type Area } from "@sannong/core";

/** A land figure: one area (in 亩, 公顷 or m²), or a breakdown by land type. */
export type LandFigureInput =
  | Area
  | string
  | number
  | { readonly cultivated: Area | string | number; readonly otherAgricultural: Area | string | number };

/** The parsed form of a {@link LandFigureInput}. @internal */
export type LandFigure = { readonly kind: "single"; readonly area: Area } | { readonly kind: "breakdown"; readonly cultivated: Area; readonly otherAgricultural: Area };

type Ctx = Parameters<typeof addIssue>[0];

function forward(ctx: Ctx, r: ReturnType<typeof areaSchema.safeParse>, prefix: (string | number)[]): Area | undefined {
  if (r.success) return r.data;
  for (const iss of r.error.issues) {
    const params = (iss as unknown as { params?: { zh?: string; en?: string; code?: string } }).params;
    addIssue(ctx, params?.zh ?? iss.message, params?.en ?? iss.message, [...prefix, ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))], params?.code ?? iss.code);
  }
  return undefined;
}

/**
 * zod schema of a land figure: an area (`{ value, unit }` or a bare number of
 * 亩), or `{ cultivated, otherAgricultural }` (耕地 / 其他农用地), each an area.
 * @internal
 */
export const landFigureSchema: z.ZodType<LandFigure, LandFigureInput> = z.custom<LandFigureInput>(() => true).transform((v, ctx) => {
  if (typeof v === "object" && v !== null && !Array.isArray(v) && ("cultivated" in v || "otherAgricultural" in v)) {
    const o = v as Record<string, unknown>;
    let ok = true;
    for (const k of Object.keys(o)) {
      if (k !== "cultivated" && k !== "otherAgricultural") {
        addIssue(ctx, `未知的键 “${k}”（允许：cultivated、otherAgricultural）`, `unknown key "${k}" (allowed: cultivated, otherAgricultural)`, [k], "unrecognized_keys");
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
