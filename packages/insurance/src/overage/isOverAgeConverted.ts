import * as z from "zod";
import {
  addIssue,
  isLegalDate,
  legalDateSchema,
  paramAt,
  parseInput,
  traceStep,
  type LegalDate,
  type TraceNode,
} from "@sannong/core";
import { ageOn } from "../internal/age";
import { resolveParameters, type InsuranceOptions } from "../internal/options";
import { P } from "../parameters";
import { RULES } from "../rules";

/** The input schema of {@link isOverAgeConverted} (strict: unknown keys are rejected). */
export const isOverAgeConvertedInputSchema = z
  .strictObject({
    /** 性别 */
    sex: z.enum(["male", "female"]),
    /** 出生日期 */
    birthDate: legalDateSchema,
    /** 转非（征地转居）日期: the date at which the status is decided */
    conversionDate: legalDateSchema,
    /** 经鉴定完全丧失劳动能力: certified wholly unable to work (absent = not certified) */
    certifiedIncapacity: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (isLegalDate(v.birthDate) && isLegalDate(v.conversionDate) && v.birthDate > v.conversionDate) {
      addIssue(
        ctx,
        `出生日期 ${v.birthDate} 晚于转非日期 ${v.conversionDate}`,
        `birth date ${v.birthDate} is after the conversion date ${v.conversionDate}`,
        ["birthDate"],
        "birth_after_conversion",
      );
    }
  });

/** The input of {@link isOverAgeConverted}. */
export type IsOverAgeConvertedInput = z.input<typeof isOverAgeConvertedInputSchema>;

/** The result of {@link isOverAgeConverted}. */
export interface IsOverAgeConvertedResult {
  /** True when the person is an over-age converted person (超转人员) at conversion. */
  readonly converted: boolean;
  /** Why: reached the age threshold, or certified incapacity at working age; null when not converted. */
  readonly basis: "age" | "incapacity" | null;
  /** Age in completed years (周岁) on the conversion date. */
  readonly age: number;
  /** The age threshold that applied to the person's sex. */
  readonly threshold: number;
  readonly trace: TraceNode;
}

/**
 * Decides whether a person is an over-age converted person (超转人员) at the
 * conversion date: a man who has reached the men's threshold, a woman who has
 * reached the women's threshold, or a person of working age certified as
 * wholly unable to work (完全丧失劳动能力). The thresholds are parameters
 * (Beijing practice: men 60, women 50; `verified: false`). Age is in completed
 * years; a person born on 29 February completes a year on 1 March in common
 * years.
 *
 * @param input - sex, birth date, conversion date, certified incapacity
 * @param options - `{ parameters }`: an overlay of `insuranceParameterSet`
 * @returns `{ converted, basis, age, threshold, trace }`
 * @throws {@link ValidationError} `INVALID_INPUT` for malformed input (bad dates,
 *   birth after conversion, unknown keys)
 * @example
 * ```ts
 * import { isOverAgeConverted } from "@sannong/insurance";
 * const { trace, ...woman } = isOverAgeConverted({ sex: "female", birthDate: "1972-03-01", conversionDate: "2022-07-15" });
 * woman; // → { converted: true, basis: "age", age: 50, threshold: 50 }
 * const man = isOverAgeConverted({ sex: "male", birthDate: "1970-01-01", conversionDate: "2022-07-15", certifiedIncapacity: true });
 * [man.converted, man.basis, man.age, man.threshold]; // → [true, "incapacity", 52, 60]
 * ```
 * @remarks Implements INS-OVERAGE-1 (000 §三; thresholds from Beijing practice).
 */
export function isOverAgeConverted(
  input: IsOverAgeConvertedInput,
  options?: InsuranceOptions,
): IsOverAgeConvertedResult {
  const data = parseInput(isOverAgeConvertedInputSchema, input, "isOverAgeConverted");
  const set = resolveParameters(options, "isOverAgeConverted");
  const date: LegalDate = data.conversionDate;
  const men = paramAt<number>(set, P.ageMen, date);
  const women = paramAt<number>(set, P.ageWomen, date);
  const incapacity = paramAt<boolean>(set, P.incapacity, date);
  const working = paramAt<number>(set, P.workingAgeFrom, date);
  const threshold = data.sex === "male" ? men.value : women.value;
  const age = ageOn(data.birthDate, date);
  const certified = data.certifiedIncapacity === true;
  let basis: "age" | "incapacity" | null = null;
  if (age >= threshold) basis = "age";
  else if (certified && incapacity.value && age >= working.value) basis = "incapacity";
  const note =
    basis === "age"
      ? {
          zh: `${age} 周岁，已达${data.sex === "male" ? "男" : "女"}性超转年龄 ${threshold} 周岁`,
          en: `aged ${age}, at or above the ${data.sex === "male" ? "men's" : "women's"} threshold of ${threshold}`,
        }
      : basis === "incapacity"
        ? {
            zh: `${age} 周岁，处于劳动年龄且经鉴定完全丧失劳动能力`,
            en: `aged ${age}, of working age and certified wholly unable to work`,
          }
        : {
            zh: `${age} 周岁，未达超转年龄 ${threshold} 周岁${certified ? (incapacity.value ? `，且未达劳动年龄 ${working.value} 周岁` : "，完全丧失劳动能力不列入（参数）") : ""}`,
            en: `aged ${age}, below the threshold of ${threshold}${certified ? (incapacity.value ? ` and below working age ${working.value}` : "; incapacity is not a basis (parameter)") : ""}`,
          };
  const trace = traceStep(RULES["INS-OVERAGE-1"], {
    inputs: { sex: data.sex, birthDate: data.birthDate, conversionDate: date, certifiedIncapacity: certified },
    parameters: [men, women, incapacity, working],
    output: { converted: basis !== null, basis, age, threshold },
    note,
  });
  return { converted: basis !== null, basis, age, threshold, trace };
}
