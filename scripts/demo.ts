/**
 * Interim demo (until the `sannong` command lands): core on an embedded
 * example of a fictional county, 青山县.
 */
import { allocate, money, renderTrace, traceStep, sum } from "@sannong/core";

const total = money("1000000.00");
const townships = [
  { name: "东岭镇", weight: "0.30" },
  { name: "西河乡", weight: "0.20" },
  { name: "南山镇", weight: "0.20" },
  { name: "北坪乡", weight: "0.30" },
];
const parts = allocate(total, townships.map((t) => t.weight), { caps: [null, null, null, "280000.00"] });
console.log("青山县 2026 年移民后期扶持资金按比例分配（北坪乡封顶 28 万元）");
townships.forEach((t, i) => console.log(`  ${t.name}\t权重 ${t.weight}\t${String(parts[i])} 元`));
console.log(`  合计\t\t\t${String(sum(parts))} 元`);
console.log(renderTrace(traceStep({ id: "CORE-ALLOC-3", citation: "spec core §Allocation", label: { zh: "按比例分配（保底/封顶）", en: "proportional split with floors and caps" } }, { inputs: { total, weights: townships.map((t) => t.weight) }, output: parts })));
