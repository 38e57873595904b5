import { defineErrors } from "@sannong/core";

/**
 * The policy refusals of @sannong/insurance (code → zh and en message), in one
 * place. Malformed input is core's `ValidationError` (code `INVALID_INPUT`);
 * these are the cases where well-formed input is refused by a rule.
 */
export const fail = defineErrors({
  NO_VILLAGE_LAND: {
    zh: (d: { expropriated: string }) =>
      `村上年度末土地面积为零，但被征收土地为 ${d.expropriated} 亩，无法核定人均土地；请核对土地变更调查数据`,
    en: (d: { expropriated: string }) =>
      `the village's year-end land figure is zero while ${d.expropriated} mu were expropriated: land per person cannot be computed; check the land-change survey figure`,
  },
  PROCEDURE_INCOMPLETE: {
    zh: (d: { missing: string; problems: string }) =>
      `调剂名单未履行完“五议两公开”程序（缺少：${d.missing}；问题：${d.problems}），名单无效`,
    en: (d: { missing: string; problems: string }) =>
      `the reassignment list has not completed 五议两公开 (missing: ${d.missing}; problems: ${d.problems}), so it is not valid`,
  },
  PROCEDURE_AFTER_AS_OF: {
    zh: (d: { completedOn: string; asOf: string }) =>
      `“五议两公开”程序于 ${d.completedOn} 才完成，晚于调剂日期 ${d.asOf}`,
    en: (d: { completedOn: string; asOf: string }) =>
      `五议两公开 was completed on ${d.completedOn}, after the reassignment date ${d.asOf}`,
  },
  STANDARD_NOT_SET: {
    zh: (d: { parameter: string; date: string }) =>
      `未给出月保障标准，参数 ${d.parameter} 在 ${d.date} 也未设定；请在输入中给出标准或覆盖该参数`,
    en: (d: { parameter: string; date: string }) =>
      `no monthly standard was given and parameter ${d.parameter} has no value set on ${d.date}; pass the standard or overlay the parameter`,
  },
  SCHEDULE_OUT_OF_RANGE: {
    zh: (d: { lastYear: number; maxYear: number }) =>
      `计划将延续至 ${d.lastYear} 年，超出可表示的最后一年 ${d.maxYear} 年；请减少期数或缩短每期年数`,
    en: (d: { lastYear: number; maxYear: number }) =>
      `the schedule would run to ${d.lastYear}, past the last representable year ${d.maxYear}; use fewer or shorter periods`,
  },
});
