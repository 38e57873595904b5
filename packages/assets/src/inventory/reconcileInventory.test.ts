import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asJson, deepFreeze, expectSannongError } from "../../../../test/helpers";
import { expectUnknownKey } from "../../test/fixtures";
import { reconcileInventory, type ReconcileInventoryInput } from "./reconcileInventory";

const clean: ReconcileInventoryInput = {
  year: 2020,
  countedOn: "2021-01-15",
  generalLedger: { total: "150000.00" },
  ledger: [
    { id: "A-1", name: "光伏电站", quantity: "1", value: "100000.00" },
    { id: "A-2", name: "大棚", quantity: "10", value: "50000.00" },
  ],
  cards: [
    { id: "A-1", quantity: "1", value: "100000.00" },
    { id: "A-2", quantity: "10", value: "50000.00" },
  ],
  onSite: [
    { id: "A-1", quantity: "1" },
    { id: "A-2", quantity: "10" },
  ],
};

describe("reconcileInventory", () => {
  it("ASSET-INV-1: books, cards and site that agree", () => {
    const r = reconcileInventory(deepFreeze(clean));
    expect(r.consistent).toEqual({ ledgerLedger: true, ledgerCard: true, ledgerPhysical: true, all: true });
    expect(r.discrepancies).toEqual([]);
    expect(r.trace.rule).toBe("ASSET-INV-1");
  });

  it("ASSET-INV-1: lists every discrepancy — 账账, 账卡, 账实", () => {
    const r = reconcileInventory({
      ...clean,
      generalLedger: { total: "149000.00" },
      cards: [
        { id: "A-1", quantity: "1", value: "90000.00" },
        { id: "A-3", quantity: "2", value: "300.00" },
      ],
      onSite: [
        { id: "A-2", quantity: "12" },
        { id: "X-9", quantity: "1", note: "未登记的水泵" },
      ],
    });
    expect(
      asJson(r.discrepancies.map((x) => [x.check, x.type, x.assetId ?? null, x.book, x.found, x.difference])),
    ).toEqual([
      ["ledger-ledger", "value-mismatch", null, "149000.00", "150000.00", "1000.00"],
      ["ledger-card", "value-mismatch", "A-1", "100000.00", "90000.00", "-10000.00"],
      ["ledger-card", "missing", "A-2", "50000.00", "", "-50000.00"],
      ["ledger-card", "surplus", "A-3", "", "300.00", "300.00"],
      ["ledger-physical", "missing", "A-1", "1", "0", "-1"],
      ["ledger-physical", "surplus", "A-2", "10", "12", "2"],
      ["ledger-physical", "surplus", "X-9", "0", "1", "1"],
    ]);
    expect(r.consistent.all).toBe(false);
    expect(r.counts).toEqual({ missing: 2, surplus: 3, valueMismatch: 2, quantityMismatch: 0 });
    expect(r.discrepancies[0]!.zh).toMatch(/^账账不符/);
    expect(r.discrepancies.every((x) => x.rule === "ASSET-INV-1")).toBe(true);
  });

  it("ASSET-INV-1: quantity mismatch between ledger and card", () => {
    const r = reconcileInventory({
      ...clean,
      cards: [clean.cards[0]!, { id: "A-2", quantity: "9.5", value: "50000.00" }],
    });
    expect(r.discrepancies.map((x) => [x.type, x.difference])).toEqual([["quantity-mismatch", "-0.5"]]);
  });

  it("ASSET-INV-1: property — the result does not depend on the order of the lists", () => {
    const messy: ReconcileInventoryInput = {
      ...clean,
      cards: [{ id: "A-3", quantity: "2", value: "300.00" }, clean.cards[0]!],
      onSite: [
        { id: "Z", quantity: "1" },
        { id: "A-2", quantity: "3" },
        { id: "B", quantity: "1" },
      ],
    };
    const base = asJson(reconcileInventory(messy).discrepancies);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...messy.onSite], { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray([...messy.cards], { minLength: 2, maxLength: 2 }),
        (onSite, cards) => {
          expect(asJson(reconcileInventory({ ...messy, onSite, cards }).discrepancies)).toEqual(base);
        },
      ),
    );
  });

  it("ASSET-INV-1: rejects dates out of order, duplicates, negatives and unknown keys", () => {
    expectSannongError(() => reconcileInventory({ ...clean, countedOn: "2020-12-31" }), "INVALID_INPUT", ["countedOn"]);
    expectSannongError(
      () => reconcileInventory({ ...clean, ledger: [clean.ledger[0]!, clean.ledger[0]!] }),
      "INVALID_INPUT",
      ["ledger", 1, "id"],
    );
    expectSannongError(
      () => reconcileInventory({ ...clean, onSite: [{ id: "A-1", quantity: "-1" }] }),
      "INVALID_INPUT",
      ["onSite", 0, "quantity"],
    );
    expectSannongError(() => reconcileInventory({ ...clean, year: 2020.5 }), "INVALID_INPUT", ["year"]);
    expectUnknownKey(() => reconcileInventory({ ...clean, onSite: [{ id: "A-1", qty: "1" }] } as never), "qty", [
      "onSite",
      0,
    ]);
  });
});
