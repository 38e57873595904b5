import type { CaseOutcome } from "../scenario/run";

/** Warnings about a case that do not change its status (an overlay the computation did not use). @internal */
export function caseNotes(o: CaseOutcome, lang: "zh" | "en"): string[] {
  const unused = o.unusedParameters ?? [];
  if (!unused.length) return [];
  return [
    lang === "zh"
      ? `注意：覆盖的参数 ${unused.join("、")} 没有出现在计算过程中——这次计算没有用到它（参数名、计算或日期是否写错？）`
      : `note: the overlaid parameter ${unused.join(", ")} does not appear in the trace — this computation did not use it (a wrong parameter, computation or date?)`,
  ];
}
