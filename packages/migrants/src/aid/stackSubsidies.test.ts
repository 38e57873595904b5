import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overlay } from "@sannong/core";
import { asJson, expectSannongError } from "../../../../test/helpers";
import { stackSubsidies } from "./stackSubsidies";
import { migrantsParameterSet } from "../parameters";

describe("stackSubsidies", () => {
  it("MIG-AID-2: the danger-relocation housing subsidy stacks on the relocation subsidy; each layer and the total are reported", () => {
    const r = stackSubsidies({
      date: "2024-05-01",
      scheme: "danger-relocation",
      recipientId: "H1",
      baseLayers: [{ id: "relocation", policy: "农民异地搬迁建房补助", amount: "30000.00" }],
      topUp: "20000.00",
    });
    expect(asJson(r.layers.map((l) => [l.id, l.kind, l.amount, l.source]))).toEqual([
      ["relocation", "base", "30000.00", "input"],
      ["migrant-danger-relocation", "migrant-top-up", "20000.00", "input"],
    ]);
    expect(String(r.total)).toBe("50000.00");
    expect(r.trace.rule).toBe("MIG-AID-2");
  });

  it("MIG-AID-2: the same stacking for a returning migrant graduate, with the county standard from an overlaid parameter", () => {
    const set = overlay(migrantsParameterSet, { "migrants.aid.stack.graduateStartup.topUp": { value: "5000.00" } });
    const r = stackSubsidies(
      {
        date: "2024-05-01",
        scheme: "graduate-startup",
        recipientId: "G1",
        baseLayers: [
          { id: "hrss", policy: "人力社保部门大学生创业补贴", amount: "10000" },
          { id: "agri", policy: "农业部门创业扶持", amount: "2500.50" },
        ],
      },
      { parameters: set },
    );
    expect(String(r.total)).toBe("17500.50");
    expect(r.layers[2]).toMatchObject({ kind: "migrant-top-up", source: "parameter" });
    expect(r.trace.parameters?.[0]).toMatchObject({ id: "migrants.aid.stack.graduateStartup.topUp", overridden: true });
  });

  it("MIG-AID-2: without a top-up and without a county standard there is no number to stack", () => {
    expectSannongError(
      () =>
        stackSubsidies({
          date: "2024-05-01",
          scheme: "danger-relocation",
          recipientId: "H1",
          baseLayers: [{ id: "b", policy: "p", amount: "1" }],
        }),
      "STANDARD_NOT_SET",
      ["topUp"],
    );
  });

  it("MIG-AID-2 (property): the total is the exact sum of the layers", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000_000), { minLength: 1, maxLength: 6 }), fc.nat(10_000_000), (bases, top) => {
        const r = stackSubsidies({
          date: "2024-01-01",
          scheme: "graduate-startup",
          recipientId: "x",
          baseLayers: bases.map((f, i) => ({ id: `b${i}`, policy: "p", amount: (f / 100).toFixed(2) })),
          topUp: (top / 100).toFixed(2),
        });
        expect(r.total.fen).toBe(BigInt(bases.reduce((a, b) => a + b, 0) + top));
        expect(r.layers).toHaveLength(bases.length + 1);
      }),
    );
  });

  describe("MIG-AID-2: bad input", () => {
    const ok = {
      date: "2024-01-01",
      scheme: "danger-relocation",
      recipientId: "H",
      baseLayers: [{ id: "b", policy: "p", amount: "1" }],
      topUp: "1",
    };
    it.each([
      ["unknown scheme", { ...ok, scheme: "flood" }, ["scheme"]],
      ["no base layers", { ...ok, baseLayers: [] }, ["baseLayers"]],
      ["negative layer", { ...ok, baseLayers: [{ id: "b", policy: "p", amount: "-1" }] }, ["baseLayers", 0, "amount"]],
      ["three-decimal top-up", { ...ok, topUp: "1.001" }, ["topUp"]],
      ["duplicate layer ids", { ...ok, baseLayers: [ok.baseLayers[0], ok.baseLayers[0]] }, ["baseLayers", 1, "id"]],
      ["missing recipient", { ...ok, recipientId: undefined }, ["recipientId"]],
      ["unknown key", { ...ok, bonus: "1" }, []],
    ])("%s → INVALID_INPUT", (_n, input, path) => {
      expectSannongError(() => stackSubsidies(input as never), "INVALID_INPUT", path as (string | number)[]);
    });
  });
});
