import { describe, expect, it } from "vitest";
import { expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey, record } from "../../test/fixtures";
import { classifyAssetScope } from "./classifyAssetScope";

describe("classifyAssetScope", () => {
  it.each([
    ["formed since 2016 with fiscal poverty funds", record(), "in-scope"],
    ["formed on 2016-01-01", record({ acquiredOn: "2016-01-01" }), "in-scope"],
    ["formed in 2015, not yet traced", record({ acquiredOn: "2015-12-31" }), "pending-trace"],
    [
      "formed in 2015, partly cleared",
      record({ acquiredOn: "2015-05-01", clearance: { traced: true, ownershipConfirmed: false, registered: true } }),
      "pending-trace",
    ],
    [
      "formed in 2015, traced, confirmed and registered",
      record({ acquiredOn: "2015-05-01", clearance: { traced: true, ownershipConfirmed: true, registered: true } }),
      "in-scope",
    ],
    ["a household asset", record({ type: "household" }), "excluded"],
    [
      "no fiscal poverty funds",
      record({ fundingSources: [{ source: "行业部门", kind: "industry-support", amount: "100000.00" }] }),
      "excluded",
    ],
  ])("ASSET-SCOPE-1: %s → %s", (_n, r, status) => {
    const out = classifyAssetScope(r);
    expect(out.status).toBe(status);
    expect(out.rule).toBe("ASSET-SCOPE-1");
    expect(out.reason.zh.length).toBeGreaterThan(0);
    expect(out.trace.rule).toBe("ASSET-SCOPE-1");
  });

  it("ASSET-SCOPE-1: the pending reason names what is missing", () => {
    const out = classifyAssetScope(
      record({ acquiredOn: "2014-01-01", clearance: { traced: true, ownershipConfirmed: false, registered: false } }),
    );
    expect(out.reason.zh).toContain("确权、登记");
    expect(out.reason.en).toContain("ownershipConfirmed, registered");
  });

  it("ASSET-SCOPE-2: reports the type and form", () => {
    expect(classifyAssetScope(record({ form: "equity" }))).toMatchObject({ type: "operating", form: "equity" });
    expect(classifyAssetScope(record({ type: "public-welfare", form: undefined }))).toMatchObject({
      type: "public-welfare",
    });
    expect(classifyAssetScope(record({ type: "public-welfare", form: undefined })).trace.children?.[0]?.rule).toBe(
      "ASSET-SCOPE-2",
    );
  });

  it("ASSET-SCOPE-1: rejects bad input", () => {
    expectUnknownKey(() => classifyAssetScope({ ...record(), foo: 1 } as never), "foo");
    expectSannongError(() => classifyAssetScope(record({ originalValue: "1.00" })), "INVALID_INPUT", [
      "fundingSources",
    ]);
    expectSannongError(() => classifyAssetScope(null as never), "INVALID_INPUT", []);
  });
});
