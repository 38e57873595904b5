import * as z from "zod";
import {
  countSchema,
  fraction,
  fractionFromDecimal,
  legalDateSchema,
  multiplyFractions,
  parseInput,
  traceStep,
  type Fraction,
  type LegalDate,
  type ParameterUse,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { figureMu, landFigureSchema, type LandFigure } from "../internal/land";
import { readParam, resolveParameters, type InsuranceOptions } from "../internal/options";
import { approx, exact, roundFraction } from "../internal/rational";
import { warning, type InsuranceWarning } from "../internal/warning";
import { P } from "../parameters";
import { RULES } from "../rules";

/** The input schema of {@link computeLandQuota} (strict: unknown keys are rejected). */
export const computeLandQuotaInputSchema = z.strictObject({
  /** (a) 省级以上政府批准征收的耕地和其他农用地: an area, or `{ cultivated, otherAgricultural }`. */
  expropriatedArea: landFigureSchema,
  /** (b) 被征地村上年度末土地变更调查的农用地（或耕地）面积. */
  villageArea: landFigureSchema,
  /** (c) 公安部门按传统口径确定的 16 周岁以上农业人口. */
  population16Plus: countSchema,
  /** (d) 已参加被征地农民社会保障的人数. */
  alreadyInsured: countSchema,
  /** Rounding of the quotient; the parameter `insurance.quota.rounding` (down) when absent. */
  rounding: z.enum(["down", "half-up", "up"]).optional(),
  /** Date on which parameters are read (e.g. the approval date); the newest values when absent. */
  asOf: legalDateSchema.optional(),
});

/** The input of {@link computeLandQuota}. */
export type ComputeLandQuotaInput = z.input<typeof computeLandQuotaInputSchema>;

/** The result of {@link computeLandQuota}. */
export interface ComputeLandQuotaResult {
  /** Insurance places (参保指标) for the village. */
  readonly quota: number;
  /** The exact quotient a·c/b before rounding and cap (`"225"`, `"1349/6"`); null when it does not exist (c = 0 or a = b = 0). */
  readonly raw: string | null;
  /** Land per person b/c in 亩, exact (`"2"`, `"2000/3"`); null when c = 0. */
  readonly perCapitaArea: string | null;
  /** The cap c − d (never below 0). */
  readonly cap: number;
  /** True when the rounded quotient exceeded the cap and was cut to it. */
  readonly capped: boolean;
  readonly warnings: readonly InsuranceWarning[];
  readonly trace: TraceNode;
}

/**
 * Computes a village's insurance places by the land taken (以地定量): land per
 * person = village land (b) ÷ agricultural population 16+ (c); places =
 * expropriated land (a) ÷ land per person, computed exactly as a·c/b (areas in
 * 亩, 公顷 or m², converted exactly), rounded by a declared rule (down by
 * default) and never more than c − d (d = persons already insured).
 *
 * Edge cases (INS-QUOTA-3) give clear answers: no eligible population (c = 0)
 * → 0 with warning `NO_ELIGIBLE_POPULATION`; nothing expropriated → 0; a village
 * with no land and nothing expropriated → 0 with warning `NO_VILLAGE_LAND`;
 * a village with no land but land expropriated → typed error (the survey figure
 * must be wrong); expropriation above the village's land → warning
 * `EXPROPRIATION_EXCEEDS_VILLAGE_LAND` and the cap applies; already insured above
 * the population → 0 with warning `ALREADY_INSURED_EXCEEDS_POPULATION`; any cut
 * to the cap → `capped: true` with warning `QUOTA_CAPPED`.
 *
 * Whether the base is cultivated land only or all agricultural land is the
 * parameter `insurance.quota.baseLand`; it applies when a figure is given as
 * `{ cultivated, otherAgricultural }` (a single area is taken as already on
 * the declared base).
 *
 * @param input - (a) `expropriatedArea`, (b) `villageArea`, (c) `population16Plus`, (d) `alreadyInsured`, `rounding?`, `asOf?`
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ quota, raw, perCapitaArea, cap, capped, warnings, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (negative or
 *   non-finite areas, unknown units, non-integer counts, unknown keys);
 *   {@link PolicyError} `NO_VILLAGE_LAND` when the village has no land but land was expropriated
 * @example
 * ```ts
 * import { computeLandQuota } from "@sannong/insurance";
 * // 450 mu expropriated ÷ (2000 mu ÷ 1000 people) = 225 places
 * const { trace, ...r } = computeLandQuota({ expropriatedArea: 450, villageArea: 2000, population16Plus: 1000, alreadyInsured: 0 });
 * r; // → { quota: 225, raw: "225", perCapitaArea: "2", cap: 1000, capped: false, warnings: [] }
 * computeLandQuota({ expropriatedArea: { value: 30, unit: "hectare" }, villageArea: { value: 2000, unit: "mu" }, population16Plus: 1000, alreadyInsured: 0 }).quota; // → 225
 * ```
 * @remarks Implements INS-QUOTA-1, INS-QUOTA-2, INS-QUOTA-3 (002 §三(二)).
 */
export function computeLandQuota(input: ComputeLandQuotaInput, options?: InsuranceOptions): ComputeLandQuotaResult {
  const data = parseInput(computeLandQuotaInputSchema, input, "computeLandQuota");
  const set = resolveParameters(options, "computeLandQuota");
  const asOf: LegalDate | undefined = data.asOf;
  const used: ParameterUse[] = [];
  const baseUse = readParam<"agricultural" | "cultivated">(set, P.baseLand, asOf);
  used.push(baseUse);
  let rounding = data.rounding;
  if (rounding === undefined) {
    const u = readParam<"down" | "half-up" | "up">(set, P.rounding, asOf);
    used.push(u);
    rounding = u.value;
  }
  const base = baseUse.value;
  const aMu = figureMu(data.expropriatedArea, base);
  const bMu = figureMu(data.villageArea, base);
  const c = data.population16Plus;
  const d = data.alreadyInsured;
  const cap = Math.max(c - d, 0);
  const warnings: InsuranceWarning[] = [];
  if (data.expropriatedArea.kind !== data.villageArea.kind) {
    warnings.push(
      warning(
        "MIXED_LAND_FIGURES",
        "被征收土地与村土地一个按地类分列、一个为合计，合计数视为已按所选口径填报",
        "one land figure is broken down by land type and the other is a single total; the total is taken as already on the declared base",
      ),
    );
  }

  const a = fractionFromDecimal(aMu);
  const b = fractionFromDecimal(bMu);
  let raw: Fraction | null = null;
  let perCapita: Fraction | null = null;
  let rounded = 0n;
  if (c === 0) {
    warnings.push(
      warning(
        "NO_ELIGIBLE_POPULATION",
        "村 16 周岁以上农业人口为零，无人可参保，指标为 0",
        "the village has no agricultural population aged 16+, so nobody can be insured: the quota is 0",
      ),
    );
  } else if (b.num === 0n) {
    if (a.num > 0n) fail("NO_VILLAGE_LAND", { expropriated: aMu.toFixed() }, ["villageArea"]);
    perCapita = fraction(0n);
    warnings.push(
      warning(
        "NO_VILLAGE_LAND",
        "村上年度末土地面积为零且无被征收土地，指标为 0",
        "the village has no land and none was expropriated: the quota is 0",
      ),
    );
  } else {
    perCapita = multiplyFractions(b, fraction(1n, BigInt(c)));
    raw = multiplyFractions(multiplyFractions(a, fraction(BigInt(c))), fraction(b.den, b.num)); // a·c/b
    rounded = roundFraction(raw, rounding);
    if (a.num * b.den > b.num * a.den) {
      warnings.push(
        warning(
          "EXPROPRIATION_EXCEEDS_VILLAGE_LAND",
          `被征收土地 ${aMu.toFixed()} 亩超过村土地 ${bMu.toFixed()} 亩，按上限控制`,
          `the expropriated land (${aMu.toFixed()} mu) exceeds the village's land (${bMu.toFixed()} mu); the cap applies`,
        ),
      );
    }
  }
  if (d > c) {
    warnings.push(
      warning(
        "ALREADY_INSURED_EXCEEDS_POPULATION",
        `已参保人数 ${d} 超过 16 周岁以上农业人口 ${c}，指标为 0`,
        `already insured (${d}) exceeds the population aged 16+ (${c}): the quota is 0`,
      ),
    );
  }
  const capped = rounded > BigInt(cap);
  if (capped) {
    warnings.push(
      warning(
        "QUOTA_CAPPED",
        `按地计算 ${rounded} 人，超过 c − d = ${cap}，取 ${cap}`,
        `the land gives ${rounded} places, more than c − d = ${cap}; the quota is ${cap}`,
      ),
    );
  }
  const quota = capped ? cap : Number(rounded);

  const paramsNode = traceStep(RULES["INS-QUOTA-1"], {
    inputs: {
      "(a) expropriatedArea": describe(data.expropriatedArea),
      "(b) villageArea": describe(data.villageArea),
      "(c) population16Plus": c,
      "(d) alreadyInsured": d,
    },
    parameters: [baseUse],
    output: { "(a) 亩": aMu.toFixed(), "(b) 亩": bMu.toFixed(), "(c)": c, "(d)": d },
    note: {
      zh: "(a) 省级以上批准征收的耕地和其他农用地；(b) 村上年度末土地变更调查数据；(c) 公安传统口径 16 周岁以上农业人口；(d) 已参加被征地农民社保人数",
      en: "(a) land expropriated with provincial approval; (b) the village's year-end land-survey figure; (c) agricultural population 16+ (public-security count); (d) persons already insured",
    },
  });
  const children: TraceNode[] = [paramsNode];
  if (warnings.length > 0) {
    children.push(
      traceStep(RULES["INS-QUOTA-3"], {
        output: warnings.map((w) => w.code),
        note: { zh: warnings.map((w) => w.zh).join("；"), en: warnings.map((w) => w.en).join("; ") },
      }),
    );
  }
  const trace = traceStep(RULES["INS-QUOTA-2"], {
    inputs: { rounding, asOf: asOf ?? null },
    parameters: used.slice(1),
    output: {
      perCapitaArea: perCapita ? approx(perCapita) : null,
      raw: raw ? approx(raw) : null,
      rounded: rounded.toString(),
      cap,
      capped,
      quota,
    },
    note: {
      zh: `人均土地 = (b) ÷ (c)；指标 = (a) × (c) ÷ (b)，按 ${rounding} 取整，且不超过 (c) − (d)${asOf === undefined ? "；未给出 asOf，参数取最新值" : ""}`,
      en: `land per person = (b) ÷ (c); places = (a) × (c) ÷ (b), rounded ${rounding}, at most (c) − (d)${asOf === undefined ? "; no asOf given, parameters at their newest values" : ""}`,
    },
    children,
  });
  return {
    quota,
    raw: raw ? exact(raw) : null,
    perCapitaArea: perCapita ? exact(perCapita) : null,
    cap,
    capped,
    warnings,
    trace,
  };
}

function describe(f: LandFigure): Record<string, string> {
  if (f.kind === "single") return { value: String(f.area.value), unit: f.area.unit };
  return {
    cultivated: `${f.cultivated.value} ${f.cultivated.unit}`,
    otherAgricultural: `${f.otherAgricultural.value} ${f.otherAgricultural.unit}`,
  };
}
