import type { RuleRef } from "../trace/trace";

/**
 * The spec rules on procedures (程序), as traces cite them.
 * @remarks Implements CORE-PROC-1, CORE-PROC-2.
 */
export const PROCEDURE_RULES = Object.freeze({
  "CORE-PROC-1": Object.freeze({
    id: "CORE-PROC-1",
    citation: "spec core §Procedures; 001 §三(八)2, §三(十)1, §三(十一)2; 002 §三(三); 000 §二; 004 §二(三)1",
    label: Object.freeze({
      zh: "程序完成情况核查（步骤、顺序、主体、表决）",
      en: "procedure check (steps, order, bodies, votes)",
    }),
  }),
  "CORE-PROC-2": Object.freeze({
    id: "CORE-PROC-2",
    citation:
      "spec core §Procedures; 002 §三(三) 五议两公开; 001 §三(八)2, §三(十)1, §三(十一)2; 000 §二; 004 §二(三)1",
    label: Object.freeze({
      zh: "内置程序（五议两公开及文件规定的审批链）",
      en: "built-in procedures (five deliberations, two disclosures; the seeds' approval chains)",
    }),
  }),
} satisfies Record<string, RuleRef>);
