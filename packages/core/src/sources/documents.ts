import type { Label } from "../params/parameter";
import type { RuleRef } from "../trace/trace";
import * as z from "zod";
import { badArgument } from "../internal/args";
import { parseInput } from "../validation/parse";

/**
 * The keys of the policy documents sannong's rules come from. Stable
 * identifiers (not the documents' file numbers in the specification).
 */
export type PolicyDocumentKey =
  | "fengtai-overage-fund"
  | "qinghemen-poverty-assets"
  | "taizhou-land-insurance"
  | "public-assets-revitalization"
  | "quzhou-reservoir-migrants";

/**
 * A policy document (政策文件): its title, document number (文号) where it has
 * one, issuer, date and the one date from which sannong applies its values.
 * @remarks Implements CORE-TRACE-1 (citations by 文号 and section).
 */
export interface PolicyDocument {
  readonly key: PolicyDocumentKey;
  /** The full title, as the document gives it. */
  readonly title: string;
  /** The short form used in citations: the 文号 when the document has one, else the title in 《》. */
  readonly short: string;
  /** The document number (文号), or `null` when the document carries none (a 征求意见稿, a web page). */
  readonly number: string | null;
  /** Who issued it. */
  readonly issuer: string;
  /** The date written on the document (成文日期), or `null` when it carries none. */
  readonly date: string | null;
  /**
   * The one date from which the parameters transcribed from this document
   * take effect (their `from`), with the reason for it.
   */
  readonly effectiveFrom: string;
  readonly effectiveFromNote: Label;
  /** `draft` for a 征求意见稿 (a consultation draft), else `issued`. */
  readonly status: "issued" | "draft";
  /** The file of the document's text in the repository (`docs/seeds/`). */
  readonly file: string;
}

const doc = (d: PolicyDocument): PolicyDocument =>
  Object.freeze({ ...d, effectiveFromNote: Object.freeze(d.effectiveFromNote) });

/**
 * The five policy documents of the specification (`docs/spec/`), keyed by
 * {@link PolicyDocumentKey}. Their texts are in `docs/seeds/`.
 *
 * @example
 * ```ts
 * import { POLICY_DOCUMENTS } from "@sannong/core";
 * POLICY_DOCUMENTS["taizhou-land-insurance"].number; // → "台政办函〔2019〕47号"
 * ```
 * @remarks Implements CORE-TRACE-1.
 */
export const POLICY_DOCUMENTS: Readonly<Record<PolicyDocumentKey, PolicyDocument>> = /*#__PURE__*/ Object.freeze({
  "fengtai-overage-fund": /*#__PURE__*/ doc({
    key: "fengtai-overage-fund",
    title: "丰台区关于加强绿化隔离地区超转人员保障资金使用管理的实施意见（试行）（征求意见稿）",
    short: "《丰台区超转人员保障资金使用管理实施意见》",
    number: null,
    issuer: "北京市丰台区",
    date: null,
    effectiveFrom: "2021-12-04",
    effectiveFromNote: {
      zh: "征求意见稿未载明日期；文件以 35号文件（京政字〔2021〕35号）印发日 2021年12月4日 划分资金池筹集渠道，sannong 自该日起适用",
      en: "the draft carries no date; it divides the pool's sources at the issue of 京政字〔2021〕35号 (4 December 2021), which sannong takes as its start",
    },
    status: "draft",
    file: "docs/seeds/000_74de3fcd2142d27d.txt",
  }),
  "qinghemen-poverty-assets": /*#__PURE__*/ doc({
    key: "qinghemen-poverty-assets",
    title: "清河门区加强扶贫资金风险防控和扶贫资产监管工作实施方案",
    short: "《清河门区扶贫资金风险防控和扶贫资产监管实施方案》",
    number: null,
    issuer: "阜新市清河门区扶贫办",
    date: "2020-09-14",
    effectiveFrom: "2020-09-14",
    effectiveFromNote: {
      zh: "文件落款日期 2020年9月14日",
      en: "the date signed at the end of the document, 14 September 2020",
    },
    status: "issued",
    file: "docs/seeds/001_da992e2a21ea7a6f.txt",
  }),
  "taizhou-land-insurance": /*#__PURE__*/ doc({
    key: "taizhou-land-insurance",
    title: "台州市人民政府办公室关于切实加强被征地农民社会保障工作的意见",
    short: "台政办函〔2019〕47号",
    number: "台政办函〔2019〕47号",
    issuer: "台州市人民政府办公室",
    date: "2019-08-09",
    effectiveFrom: "2019-08-09",
    effectiveFromNote: { zh: "文件印发日期 2019年8月9日", en: "the date of issue, 9 August 2019" },
    status: "issued",
    file: "docs/seeds/002_71bca5dad035c17f.txt",
  }),
  "public-assets-revitalization": /*#__PURE__*/ doc({
    key: "public-assets-revitalization",
    title: "盘活用好镇村公有资产工作方案（征求意见稿）",
    short: "《盘活用好镇村公有资产工作方案》",
    number: null,
    issuer: "（未载明；“结合我市实际”的市级方案）",
    date: null,
    effectiveFrom: "2020-01-01",
    effectiveFromNote: {
      zh: "征求意见稿未载明日期；其最早完成时限为 2021年3月底，sannong 自 2020年1月1日起适用（假定）",
      en: "the draft carries no date; its earliest deadline is the end of March 2021; sannong applies it from 1 January 2020 (an assumption)",
    },
    status: "draft",
    file: "docs/seeds/003_f500f37727aa4a70.txt",
  }),
  "quzhou-reservoir-migrants": /*#__PURE__*/ doc({
    key: "quzhou-reservoir-migrants",
    title: "衢州市人民政府办公室关于推进水库移民精准扶持工作的实施意见",
    short: "衢政办发〔2016〕65号",
    number: "衢政办发〔2016〕65号",
    issuer: "衢州市人民政府办公室",
    date: "2016-09-18",
    effectiveFrom: "2016-10-18",
    effectiveFromNote: {
      zh: "“本意见自2016年10月18日起施行”",
      en: "the document says it takes effect on 18 October 2016",
    },
    status: "issued",
    file: "docs/seeds/004_ebf28282144fc7f8.txt",
  }),
});

/**
 * A citation of a section of a policy document, by 文号 (or title) and section:
 * `台政办函〔2019〕47号 §三(二)`.
 *
 * @example
 * ```ts
 * import { citeDocument } from "@sannong/core";
 * citeDocument("quzhou-reservoir-migrants", "§二(三)1"); // → "衢政办发〔2016〕65号 §二(三)1"
 * ```
 * @remarks Implements CORE-TRACE-1.
 */
export function citeDocument(key: PolicyDocumentKey, section: string): string {
  if (typeof key !== "string" || !Object.hasOwn(POLICY_DOCUMENTS, key)) {
    badArgument("citeDocument", "key", "政策文件的键（POLICY_DOCUMENTS）", "a key of POLICY_DOCUMENTS", key);
  }
  if (typeof section !== "string")
    badArgument("citeDocument", "section", "章节（字符串）", "a section (a string)", section);
  const d = POLICY_DOCUMENTS[key];
  return section ? `${d.short} ${section}` : d.short;
}

const text = () => z.string().min(1);
const ruleDefinitionSchema = () =>
  z.union([
    z.strictObject({
      id: text(),
      zh: text(),
      en: text(),
      document: z.enum(Object.keys(POLICY_DOCUMENTS) as [PolicyDocumentKey, ...PolicyDocumentKey[]]),
      section: z.string(),
      quote: text(),
    }),
    z.strictObject({ id: text(), zh: text(), en: text(), citation: text() }),
  ]);

/**
 * What {@link defineRule} takes: the rule ID, its bilingual label, and either
 * the document, section and verbatim quote it comes from, or (for a rule of
 * sannong's own making) a citation of the specification.
 */
export type RuleDefinition =
  | {
      readonly id: string;
      readonly zh: string;
      readonly en: string;
      readonly document: PolicyDocumentKey;
      /** The section of the document, e.g. `§三(二)`. */
      readonly section: string;
      /** The document's own sentence(s), verbatim; fragments joined by `……`. */
      readonly quote: string;
    }
  | {
      readonly id: string;
      readonly zh: string;
      readonly en: string;
      /** Where the rule is specified, e.g. `spec core §Allocation`. */
      readonly citation: string;
    };

/**
 * Builds a frozen {@link RuleRef}: a rule taken from a document is cited by
 * 文号 (or title) and section and carries the document's own sentence(s);
 * a rule of sannong's own making is cited by its specification and has no quote.
 *
 * @example
 * ```ts
 * import { defineRule } from "@sannong/core";
 * const r = defineRule({ id: "MIG-SURVEY-1", zh: "抽样调查", en: "sampling survey", document: "quzhou-reservoir-migrants", section: "§三(三)", quote: "抽样比例不低于5%" });
 * [r.citation, r.quote]; // → ["衢政办发〔2016〕65号 §三(三)", "抽样比例不低于5%"]
 * ```
 * @remarks Implements CORE-TRACE-1.
 */
export function defineRule(def: RuleDefinition): RuleRef {
  parseInput(ruleDefinitionSchema(), def, "defineRule");
  const label = Object.freeze({ zh: def.zh, en: def.en });
  if ("document" in def) {
    return Object.freeze({
      id: def.id,
      citation: citeDocument(def.document, def.section),
      label,
      document: def.document,
      section: def.section,
      quote: def.quote,
    });
  }
  return Object.freeze({ id: def.id, citation: def.citation, label });
}
