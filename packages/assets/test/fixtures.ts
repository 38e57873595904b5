/** Shared test fixtures of @sannong/assets (not published). */
import type { AssetRecordInput } from "../src/register/record";

/** A valid in-scope operating asset: a photovoltaic station built in 2018 with fiscal poverty funds. */
export function record(over: Partial<AssetRecordInput> = {}): AssetRecordInput {
  return {
    id: "A-1",
    name: "村级光伏电站",
    category: "光伏电站",
    type: "operating",
    form: "fixed-asset",
    acquiredOn: "2018-06-30",
    usefulLifeYears: 20,
    status: "in-use",
    quantity: "1",
    unit: "座",
    originalValue: "100000.00",
    fundingSources: [
      { source: "中央财政专项扶贫资金", kind: "fiscal-poverty", amount: "80000.00" },
      { source: "村集体自筹", kind: "collective", amount: "20000.00" },
    ],
    netValue: "80000.00",
    owner: "甲村股份经济合作社",
    user: "甲村股份经济合作社",
    beneficiary: "甲村股份经济合作社",
    ...over,
  };
}

import { expect } from "vitest";
import { expectSannongError } from "../../../test/helpers";

/** Expects an INVALID_INPUT error for an unknown key `key` on the object at `path`. */
export function expectUnknownKey(fn: () => unknown, key: string, path: readonly (string | number)[] = []): void {
  const e = expectSannongError(fn, "INVALID_INPUT") as unknown as {
    issues: { code: string; en: string; zh: string; path: (string | number)[] }[];
  };
  const issue = e.issues.find((i) => i.code === "unrecognized_keys" && i.en.includes(key));
  expect(issue, "expected an unrecognized_keys issue").toBeDefined();
  expect(issue!.path).toEqual(path);
}

/** A complete approval record of a revenue plan (REVENUE_PLAN_APPROVAL). */
export const approvedPlan = [
  {
    step: "democratic-decision",
    date: "2021-11-01",
    form: "representatives-meeting",
    attendees: 30,
    eligible: 40,
    votesFor: 25,
  },
  { step: "owner-proposal", date: "2021-11-02" },
  { step: "supervisor-review", date: "2021-11-10" },
  { step: "district-approval", date: "2021-11-20" },
  { step: "public-notice", date: "2021-11-03" },
];
