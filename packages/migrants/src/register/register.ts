import * as z from "zod";
import {
  addDays,
  compareDates,
  idSchema,
  legalDateSchema,
  parseInput,
  traceStep,
  type LegalDate,
  type TraceNode,
} from "@sannong/core";
import { fail } from "../errors";
import { parametersOf, type MigrantsOptions } from "../internal/options";
import { compareCodeUnits } from "../internal/select";
import { RULES } from "../rules";
import { registerChangeSchema, type MigrantHousehold, type RegisterChange, type WeakMigrantVillage } from "./schemas";

const changesSchema = z.array(registerChangeSchema).max(1_000_000);

/** Input of {@link registerAsOf}: the dated changes (in any order) and the date to read the register at. */
export const registerAsOfInputSchema = z.strictObject({
  changes: changesSchema,
  date: legalDateSchema,
});
/** Input of {@link registerAsOf}. */
export type RegisterAsOfInput = z.input<typeof registerAsOfInputSchema>;

/** A record that left the register. */
export interface RegisterExit {
  readonly subject: "household" | "village";
  readonly id: string;
  readonly date: LegalDate;
  readonly reason: string;
}

/** Result of {@link registerAsOf}. */
export interface RegisterAsOfResult {
  readonly date: LegalDate;
  /** Households on the register on the date, in code-unit order of their ids. */
  readonly households: readonly MigrantHousehold[];
  /** Weak migrant villages on the register on the date, in code-unit order of their ids. */
  readonly villages: readonly WeakMigrantVillage[];
  /** Records that exited on or before the date and have not re-entered, in order of exit. */
  readonly exited: readonly RegisterExit[];
  readonly counts: {
    readonly households: number;
    readonly lowIncomeHouseholds: number;
    readonly persons: number;
    readonly villages: number;
  };
  /** Changes applied (dated on or before the date). */
  readonly appliedChanges: number;
  readonly trace: TraceNode;
}

type Rec = MigrantHousehold | WeakMigrantVillage;
interface State {
  readonly active: Map<string, Rec>;
  readonly exited: Map<string, RegisterExit>;
}

function key(subject: string, id: string): string {
  return `${subject}\u0000${id}`;
}

/**
 * The value without members that are present but undefined (an optional field
 * written as `township: undefined` is the field left out): the same object when
 * there is none, so the common case copies nothing.
 */
function withoutUndefined<T>(v: T): T {
  if (Array.isArray(v)) {
    const out = v.map(withoutUndefined);
    return out.every((x, i) => x === v[i]) ? v : (out as T);
  }
  if (v === null || typeof v !== "object") return v;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) {
      changed = true;
      continue;
    }
    const y = withoutUndefined(x);
    if (y !== x) changed = true;
    out[k] = y;
  }
  return changed ? (out as T) : v;
}

/** The changes with their input index, in date order (stable: same date keeps the input order). */
function ordered(changes: readonly RegisterChange[]): { c: RegisterChange; i: number }[] {
  return changes.map((c, i) => ({ c, i })).sort((a, b) => compareDates(a.c.date, b.c.date) || a.i - b.i);
}

function apply(state: State, c: RegisterChange, i: number): Rec | null {
  const id = c.action === "enter" ? c.record.id : c.id;
  const k = key(c.subject, id);
  const current = state.active.get(k);
  if (c.action === "enter") {
    if (current) fail("REGISTER_DUPLICATE_ENTRY", { id, date: c.date }, ["changes", i, "record", "id"]);
    const rec = withoutUndefined(c.record) as Rec;
    state.active.set(k, rec);
    state.exited.delete(k);
    return rec;
  }
  if (!current) fail("REGISTER_UNKNOWN_ENTRY", { id, date: c.date }, ["changes", i, "id"]);
  if (c.action === "update") {
    const next = { ...current, ...withoutUndefined(c.set as object) } as Rec;
    state.active.set(k, next);
    return next;
  }
  if (c.action === "result") {
    const next = { ...current, results: [...current.results, { date: c.date, ...withoutUndefined(c.result) }] } as Rec;
    state.active.set(k, next);
    return next;
  }
  state.active.delete(k);
  state.exited.set(k, { subject: c.subject, id, date: c.date, reason: c.reason });
  return null;
}

/**
 * Reads the low-income migrant register on a date (建档立卡、动态管理): applies
 * the dated changes up to and including the date — in date order, changes of
 * the same date in input order — and returns the households and weak migrant
 * villages on the register, the records that exited, and counts.
 *
 * @param input - `{ changes: RegisterChange[], date }`
 * @param options - `parameters` (accepted for uniformity; no parameter is read)
 * @returns the register on the date, trace
 * @throws {@link ValidationError} `INVALID_INPUT` (a malformed record or
 *   change); {@link PolicyError} `REGISTER_DUPLICATE_ENTRY` (entering a record
 *   already on the register), `REGISTER_UNKNOWN_ENTRY` (changing a record not
 *   on it) — with the path of the offending change
 * @example
 * ```ts
 * import { registerAsOf } from "@sannong/migrants";
 * const r = registerAsOf({ date: "2024-12-31", changes: [
 *   { subject: "household", action: "enter", date: "2024-01-05", record: { id: "H1", head: "张三", county: "衢江区", village: "移民新村",
 *     members: 4, lowIncome: true, hardshipCauses: ["illness"], mainProblems: ["医疗支出大"], helper: { kind: "cadre", name: "李四" }, results: [] } },
 *   { subject: "household", action: "exit", date: "2024-11-30", id: "H1", reason: "lifted-out" },
 * ] });
 * r.households.length; // → 0
 * r.exited[0]?.reason; // → "lifted-out"
 * ```
 * @remarks Implements MIG-REG-1 (004 §二(一)1).
 */
export function registerAsOf(input: RegisterAsOfInput, options?: MigrantsOptions): RegisterAsOfResult {
  const d = parseInput(registerAsOfInputSchema, input, "registerAsOf");
  parametersOf(options, "registerAsOf");
  const state: State = { active: new Map(), exited: new Map() };
  let applied = 0;
  for (const { c, i } of ordered(d.changes)) {
    if (compareDates(c.date, d.date) > 0) break;
    apply(state, c, i);
    applied++;
  }
  const households: MigrantHousehold[] = [];
  const villages: WeakMigrantVillage[] = [];
  for (const [k, rec] of state.active) (k.startsWith("household\u0000") ? households : villages).push(rec as never);
  households.sort((a, b) => compareCodeUnits(a.id, b.id));
  villages.sort((a, b) => compareCodeUnits(a.id, b.id));
  const exited = [...state.exited.values()].sort((a, b) => compareDates(a.date, b.date));
  const counts = {
    households: households.length,
    lowIncomeHouseholds: households.filter((h) => h.lowIncome).length,
    persons: households.reduce((a, h) => a + h.members, 0),
    villages: villages.length,
  };
  const trace = traceStep(RULES["MIG-REG-1"], {
    inputs: { date: d.date, changes: d.changes.length },
    output: { ...counts, exited: exited.length, appliedChanges: applied },
    note: {
      zh: "按日期顺序（同日按输入顺序）应用建档、变更、成效与销号记录",
      en: "enter, update, result and exit changes applied in date order (same date: input order)",
    },
  });
  return { date: d.date, households, villages, exited, counts, appliedChanges: applied, trace };
}

/** Input of {@link registerHistory}: the changes, and the record to follow. */
export const registerHistoryInputSchema = z.strictObject({
  changes: changesSchema,
  subject: z.enum(["household", "village"]),
  id: idSchema,
});
/** Input of {@link registerHistory}. */
export type RegisterHistoryInput = z.input<typeof registerHistoryInputSchema>;

/** One version of a record: in force from `from` until the day before the next version (`to` null for the current one). */
export interface RegisterVersion {
  readonly from: LegalDate;
  readonly to: LegalDate | null;
  readonly action: RegisterChange["action"];
  /** The record in this version, or null while it is off the register. */
  readonly record: MigrantHousehold | WeakMigrantVillage | null;
}

/** Result of {@link registerHistory}. */
export interface RegisterHistoryResult {
  readonly subject: "household" | "village";
  readonly id: string;
  readonly versions: readonly RegisterVersion[];
  readonly trace: TraceNode;
}

/**
 * The dated history of one record of the register (档案变更记录): every
 * version from its entry, through updates and results, to its exit (and any
 * re-entry). Versions of the same date are collapsed to the last one.
 *
 * @param input - `{ changes, subject, id }`
 * @param options - `parameters` (accepted for uniformity; no parameter is read)
 * @returns the versions in date order, trace
 * @throws {@link ValidationError} `INVALID_INPUT`; {@link PolicyError}
 *   `REGISTER_DUPLICATE_ENTRY`, `REGISTER_UNKNOWN_ENTRY`
 * @example
 * ```ts
 * import { registerHistory } from "@sannong/migrants";
 * const h = registerHistory({ subject: "household", id: "H1", changes: [
 *   { subject: "household", action: "enter", date: "2024-01-05", record: { id: "H1", head: "张三", county: "衢江区", village: "移民新村",
 *     members: 4, lowIncome: true, hardshipCauses: ["illness"], mainProblems: ["医疗支出大"], helper: { kind: "cadre", name: "李四" }, results: [] } },
 *   { subject: "household", action: "update", date: "2024-07-01", id: "H1", set: { members: 5 } },
 * ] });
 * h.versions.map((v) => [v.from, v.to, v.action]); // → [["2024-01-05", "2024-06-30", "enter"], ["2024-07-01", null, "update"]]
 * ```
 * @remarks Implements MIG-REG-1 (004 §二(一)1).
 */
export function registerHistory(input: RegisterHistoryInput, options?: MigrantsOptions): RegisterHistoryResult {
  const d = parseInput(registerHistoryInputSchema, input, "registerHistory");
  parametersOf(options, "registerHistory");
  const state: State = { active: new Map(), exited: new Map() };
  const versions: { from: LegalDate; action: RegisterChange["action"]; record: Rec | null }[] = [];
  for (const { c, i } of ordered(d.changes)) {
    const rec = apply(state, c, i);
    const id = c.action === "enter" ? c.record.id : c.id;
    if (c.subject !== d.subject || id !== d.id) continue;
    const last = versions[versions.length - 1];
    if (last && last.from === c.date) versions[versions.length - 1] = { from: c.date, action: c.action, record: rec };
    else versions.push({ from: c.date, action: c.action, record: rec });
  }
  const out: RegisterVersion[] = versions.map((v, k) => {
    const next = versions[k + 1];
    return { from: v.from, to: next ? addDays(next.from, -1) : null, action: v.action, record: v.record };
  });
  const trace = traceStep(RULES["MIG-REG-1"], {
    inputs: { subject: d.subject, id: d.id, changes: d.changes.length },
    output: out.map((v) => ({ from: v.from, to: v.to, action: v.action })),
  });
  return { subject: d.subject, id: d.id, versions: out, trace };
}
