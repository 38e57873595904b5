import * as z from "zod";
import { PolicyError } from "../errors/errors";
import { compareDates, legalDateSchema, type LegalDate } from "../dates/date";
import { parseInput, idSchema, safeRecord } from "../validation/parse";
import { badArgument, isPlainObject } from "../internal/args";
import { frozenJsonCopy } from "../data/deepFreeze";

function isParameter(v: unknown): v is Parameter {
  return (
    isPlainObject(v) &&
    typeof v["id"] === "string" &&
    typeof v["unit"] === "string" &&
    isPlainObject(v["label"]) &&
    Array.isArray(v["values"]) &&
    v["values"].length > 0 &&
    (v["values"] as unknown[]).every(
      (x) => isPlainObject(x) && typeof x["from"] === "string" && isPlainObject(x["source"]),
    )
  );
}

function assertParameter(v: unknown, fn: string, name: string): Parameter {
  return isParameter(v)
    ? v
    : badArgument(fn, name, "由 defineParameter 定义的参数", "a parameter made by defineParameter", v);
}

function assertSet(v: unknown, fn: string): ParameterSet {
  return isPlainObject(v) && v["parameters"] instanceof Map && Array.isArray(v["overridden"])
    ? (v as unknown as ParameterSet)
    : badArgument(fn, "set", "由 parameterSet 建立的参数集", "a parameter set made by parameterSet", v);
}

/**
 * Where a parameter value comes from (来源): the document number (文号), the
 * article, a url, and whether a person has checked it against the document.
 * @remarks Implements CORE-PARAM-1.
 */
export interface ParameterSource {
  /** Document title or number, e.g. `衢政办发〔2016〕65号`, or `sannong default`. */
  readonly document: string;
  /** Article or section, e.g. `§二(三)1`. */
  readonly article?: string;
  /** Where to read it. */
  readonly url?: string;
  /** `false` until a person has verified the value against the document. */
  readonly verified: boolean;
  /** Why this value (especially for an assumed default). */
  readonly note?: string;
}

/** One dated value of a parameter. */
export interface ParameterValue<T = unknown> {
  /** The date the value takes effect (inclusive). */
  readonly from: LegalDate;
  /** The last date the value is in force (inclusive); open-ended when absent. */
  readonly until?: LegalDate;
  readonly value: T;
  readonly source: ParameterSource;
}

/** Bilingual label. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * An effective-dated, cited parameter (参数): a standard, rate, threshold or
 * period that a local government sets.
 * @remarks Implements CORE-PARAM-1.
 */
export interface Parameter<T = unknown> {
  /** Stable id, e.g. `insurance.overage.periodYears`. */
  readonly id: string;
  /** Unit of the value, e.g. `元/人·月`, `ratio`, `years`. */
  readonly unit: string;
  readonly label: Label;
  /** Values in order of `from`, not overlapping. */
  readonly values: readonly ParameterValue<T>[];
  /** Optional schema every value (and every overlay value) must satisfy. */
  readonly schema?: z.ZodType<T>;
}

/** A parameter value picked for a date, as recorded in traces. */
export interface ParameterUse<T = unknown> {
  readonly id: string;
  readonly value: T;
  readonly from: LegalDate;
  readonly until?: LegalDate;
  readonly source: ParameterSource;
  /** True when the value came from a caller's overlay. */
  readonly overridden: boolean;
}

/** zod schema of a parameter source. */
export const parameterSourceSchema = z.strictObject({
  document: z.string().min(1),
  article: z.string().optional(),
  url: z.string().optional(),
  verified: z.boolean(),
  note: z.string().optional(),
});

const labelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** A parameter value is JSON data: finite numbers, strings, booleans, null, arrays and plain objects. */
const jsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    safeRecord(jsonValueSchema),
  ]),
);

const parameterValueSchema = z.strictObject({
  from: legalDateSchema,
  until: legalDateSchema.optional(),
  value: jsonValueSchema,
  source: parameterSourceSchema,
});

const definitionSchema = z.strictObject({
  id: idSchema,
  unit: z.string(),
  label: labelSchema,
  values: z.array(parameterValueSchema).min(1),
  schema: z
    .custom<z.ZodType>(
      (v) => typeof v === "object" && v !== null && typeof (v as { safeParse?: unknown }).safeParse === "function",
    )
    .optional(),
});

function checkHistory(id: string, values: readonly ParameterValue[], schema: z.ZodType | undefined): void {
  values.forEach((v, i) => {
    if (v.until !== undefined && compareDates(v.until, v.from) < 0) {
      throw new PolicyError({
        code: "PARAM_BAD_HISTORY",
        zh: `参数 ${id} 第 ${i + 1} 个值的截止日早于生效日`,
        en: `parameter ${id}: value ${i + 1} ends before it starts`,
        path: ["values", i, "until"],
      });
    }
    const prev = values[i - 1];
    if (
      prev &&
      (compareDates(prev.from, v.from) >= 0 || (prev.until !== undefined && compareDates(prev.until, v.from) >= 0))
    ) {
      throw new PolicyError({
        code: "PARAM_BAD_HISTORY",
        zh: `参数 ${id} 的取值历史未按生效日排序或有重叠`,
        en: `parameter ${id}: values are not in order of their dates or overlap`,
        path: ["values", i, "from"],
      });
    }
    if (schema) parseInput(schema, v.value, `parameter ${id}`);
  });
}

/**
 * Defines an effective-dated parameter and checks its history (dates in
 * order, no overlap, every value valid against `schema`).
 *
 * @param def - id, unit, label, dated values with sources, optional schema
 * @returns the frozen parameter
 * @throws {@link ValidationError} for a malformed definition, {@link PolicyError} `PARAM_BAD_HISTORY`
 * @example
 * ```ts
 * import { defineParameter, valueAt } from "@sannong/core";
 * const reserve = defineParameter({
 *   id: "assets.revenue.reserveRatio", unit: "ratio",
 *   label: { zh: "收益预留比例", en: "reserve ratio" },
 *   values: [{ from: "2020-09-17", value: "0.1", source: { document: "sannong default", verified: false } }],
 * });
 * valueAt(reserve, "2024-01-01").value; // → "0.1"
 * ```
 * @remarks Implements CORE-PARAM-1.
 */
export function defineParameter<T>(def: {
  id: string;
  unit: string;
  label: Label;
  values: readonly ParameterValue<T>[];
  schema?: z.ZodType<T>;
}): Parameter<T> {
  const d = parseInput(definitionSchema, def, "defineParameter") as unknown as Parameter<T>;
  checkHistory(d.id, d.values as readonly ParameterValue[], def.schema as z.ZodType | undefined);
  // Values are JSON data: a deep-frozen copy, so neither the caller's objects nor a result that shows a value can change it.
  const values = Object.freeze(
    def.values.map((v) =>
      Object.freeze({ ...v, value: frozenJsonCopy(v.value), source: Object.freeze({ ...v.source }) }),
    ),
  );
  return Object.freeze({
    id: d.id,
    unit: d.unit,
    label: Object.freeze({ ...d.label }),
    values,
    ...(def.schema ? { schema: def.schema } : {}),
  });
}

/**
 * The value of a parameter in force on a date (在某日有效的取值).
 * @param param - the parameter
 * @param date - the legal date
 * @returns the value with its dates and source
 * @throws {@link PolicyError} `PARAM_NOT_IN_FORCE` when no value is in force (never a default)
 * @example
 * ```ts
 * import { defineParameter, valueAt } from "@sannong/core";
 * const reserve = defineParameter({
 *   id: "assets.revenue.reserveRatio", unit: "ratio", label: { zh: "收益预留比例", en: "reserve ratio" },
 *   values: [{ from: "2020-09-17", value: "0.1", source: { document: "sannong default", verified: false } }],
 * });
 * valueAt(reserve, "2024-01-01"); // → { id: "assets.revenue.reserveRatio", value: "0.1", from: "2020-09-17", source: { document: "sannong default", verified: false }, overridden: false }
 * ```
 * @remarks Implements CORE-PARAM-1.
 */
export function valueAt<T>(param: Parameter<T>, date: LegalDate): ParameterUse<T> {
  assertParameter(param, "valueAt", "param");
  parseInput(legalDateSchema, date, "valueAt");
  for (let i = param.values.length - 1; i >= 0; i--) {
    const v = param.values[i]!;
    if (compareDates(v.from, date) <= 0) {
      if (v.until !== undefined && compareDates(date, v.until) > 0) break;
      return Object.freeze({
        id: param.id,
        value: v.value,
        from: v.from,
        ...(v.until !== undefined ? { until: v.until } : {}),
        source: v.source,
        overridden: CALLER_VALUES.has(v),
      });
    }
  }
  const first = param.values[0]?.from ?? "?";
  throw new PolicyError({
    code: "PARAM_NOT_IN_FORCE",
    zh: `参数 ${param.id}（${param.label.zh}）在 ${date} 没有有效取值（最早取值自 ${first} 起）`,
    en: `parameter ${param.id} (${param.label.en}) has no value in force on ${date} (the first value starts ${first})`,
    details: { id: param.id, date, first },
  });
}

/** One override recorded by an overlay. */
export interface OverrideRecord {
  readonly id: string;
  /** The history that was replaced. */
  readonly previous: readonly ParameterValue[];
  /** The history now in force. */
  readonly values: readonly ParameterValue[];
}

/**
 * A set of parameters, possibly overlaid with caller values (a local standard
 * or a what-if 改革). Immutable: the object is frozen and `parameters` is a
 * read-only `Map` whose `set`, `delete` and `clear` throw {@link PolicyError}
 * `READ_ONLY` (build a changed set with {@link overlay}).
 * @remarks Implements CORE-PARAM-2.
 */
export interface ParameterSet {
  readonly parameters: ReadonlyMap<string, Parameter>;
  /** What overlays changed, in the order they were applied. */
  readonly overridden: readonly OverrideRecord[];
}

function readOnly(): never {
  throw new PolicyError({
    code: "READ_ONLY",
    zh: "参数集是只读的：要改变参数，请用 overlay 生成新的参数集",
    en: "a parameter set is read-only: use overlay to make a new set with changed parameters",
    path: ["parameters"],
  });
}

/**
 * The `parameters` of a set: a `Map` (so `instanceof Map`, iteration and
 * `get` work as before) that refuses `set`, `delete` and `clear`. Reads go to a
 * private copy, so not even `Map.prototype.set.call(map, …)` can change an
 * answer (the inherited storage only serves `console.log` and the like).
 */
class ReadOnlyParameterMap extends Map<string, Parameter> {
  readonly #entries: Map<string, Parameter>;
  constructor(entries: Iterable<readonly [string, Parameter]>) {
    super();
    this.#entries = new Map(entries);
    for (const [k, v] of this.#entries) super.set(k, v);
    Object.freeze(this);
  }
  override get(key: string): Parameter | undefined {
    return this.#entries.get(key);
  }
  override has(key: string): boolean {
    return this.#entries.has(key);
  }
  override get size(): number {
    return this.#entries.size;
  }
  override keys(): MapIterator<string> {
    return this.#entries.keys();
  }
  override values(): MapIterator<Parameter> {
    return this.#entries.values();
  }
  override entries(): MapIterator<[string, Parameter]> {
    return this.#entries.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, Parameter]> {
    return this.#entries[Symbol.iterator]();
  }
  override forEach(fn: (value: Parameter, key: string, map: Map<string, Parameter>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.#entries) fn.call(thisArg, v, k, this);
  }
  override set(_key: string, _value: Parameter): never {
    return readOnly();
  }
  override delete(_key: string): never {
    return readOnly();
  }
  override clear(): never {
    return readOnly();
  }
}

/**
 * Builds a parameter set from parameters with distinct ids.
 * @throws {@link PolicyError} `PARAM_DUPLICATE`
 * @example
 * ```ts
 * import { defineParameter, parameterSet } from "@sannong/core";
 * const reserve = defineParameter({
 *   id: "assets.revenue.reserveRatio", unit: "ratio", label: { zh: "收益预留比例", en: "reserve ratio" },
 *   values: [{ from: "2020-09-17", value: "0.1", source: { document: "sannong default", verified: false } }],
 * });
 * const set = parameterSet([reserve]);
 * [...set.parameters.keys()]; // → ["assets.revenue.reserveRatio"]
 * ```
 * @remarks Implements CORE-PARAM-2.
 */
export function parameterSet(params: readonly Parameter[]): ParameterSet {
  if (!Array.isArray(params)) badArgument("parameterSet", "params", "参数数组", "an array of parameters", params);
  params.forEach((p, i) => assertParameter(p, "parameterSet", `params[${i}]`));
  const map = new Map<string, Parameter>();
  for (const p of params) {
    if (map.has(p.id))
      throw new PolicyError({
        code: "PARAM_DUPLICATE",
        zh: `参数 ${p.id} 重复`,
        en: `duplicate parameter ${p.id}`,
        details: { id: p.id },
      });
    map.set(p.id, p);
  }
  return Object.freeze({ parameters: new ReadOnlyParameterMap(map), overridden: Object.freeze([]) });
}

/** A caller's override: a bare value (in force on every date), or dated values. */
export type ParameterOverride =
  | { readonly value: unknown; readonly from?: LegalDate; readonly source?: ParameterSource }
  | readonly ParameterValue[];

/** The dated values an overlay introduced (so a use is marked overridden only when such a value is in force). */
const CALLER_VALUES = new WeakSet<object>();

const CALLER_SOURCE: ParameterSource = Object.freeze({
  document: "caller overlay",
  verified: false,
  note: "value supplied by the caller",
});

const overrideSchema = z.union([
  z.strictObject({
    value: jsonValueSchema,
    from: legalDateSchema.optional(),
    source: parameterSourceSchema.optional(),
  }),
  z.array(parameterValueSchema).min(1),
]);

/**
 * Overlays caller values on a parameter set without mutating it; the result
 * records which parameters were overridden and what they replaced.
 *
 * @param set - the base set
 * @param overrides - by parameter id: `{ value }` (in force from 1900-01-01),
 *   `{ value, from }` (in force from a date, the base history before it
 *   kept), or a whole dated history
 * @throws {@link PolicyError} `UNKNOWN_PARAMETER`; {@link ValidationError} when a value fails the parameter's schema
 * @example
 * ```ts
 * import { defineParameter, overlay, paramAt, parameterSet } from "@sannong/core";
 * const set = parameterSet([defineParameter({
 *   id: "assets.revenue.reserveRatio", unit: "ratio", label: { zh: "收益预留比例", en: "reserve ratio" },
 *   values: [{ from: "2020-09-17", value: "0.1", source: { document: "sannong default", verified: false } }],
 * })]);
 * const reform = overlay(set, { "assets.revenue.reserveRatio": { value: "0.2", from: "2025-01-01" } });
 * reform.overridden[0]?.id; // → "assets.revenue.reserveRatio"
 * [paramAt(reform, "assets.revenue.reserveRatio", "2024-12-31").value, paramAt(reform, "assets.revenue.reserveRatio", "2025-01-01").value]; // → ["0.1", "0.2"]
 * ```
 * @remarks Implements CORE-PARAM-2.
 */
export function overlay(set: ParameterSet, overrides: Readonly<Record<string, ParameterOverride>>): ParameterSet {
  assertSet(set, "overlay");
  if (!isPlainObject(overrides))
    badArgument("overlay", "overrides", "以参数标识为键的对象", "an object keyed by parameter id", overrides);
  const map = new Map(set.parameters);
  const records: OverrideRecord[] = [...set.overridden];
  for (const id of Object.keys(overrides)) {
    const base = map.get(id);
    if (!base || !Object.hasOwn(overrides, id)) {
      throw new PolicyError({
        code: "UNKNOWN_PARAMETER",
        zh: `未知参数 ${id}`,
        en: `unknown parameter ${id}`,
        path: [id],
        details: { id },
      });
    }
    const o = parseInput(overrideSchema, overrides[id], `overlay ${id}`);
    let values: ParameterValue[];
    if (Array.isArray(o)) {
      values = o.map((v) => {
        const nv: ParameterValue = Object.freeze({
          from: v.from,
          ...(v.until !== undefined ? { until: v.until } : {}),
          value: frozenJsonCopy(v.value),
          source: frozenJsonCopy(v.source as ParameterSource),
        });
        CALLER_VALUES.add(nv);
        return nv;
      });
    } else {
      const ov = o as { value: unknown; from?: LegalDate; source?: ParameterSource };
      const from = ov.from ?? "1900-01-01";
      // Keep the base history before `from`; only the last kept value can reach past it, so only it is cut.
      const kept: ParameterValue[] = base.values.filter((v) => compareDates(v.from, from) < 0);
      const last = kept[kept.length - 1];
      if (last && (last.until === undefined || compareDates(last.until, from) >= 0)) {
        const cut: ParameterValue = Object.freeze({ ...last, until: dayBefore(from) });
        if (CALLER_VALUES.has(last)) CALLER_VALUES.add(cut); // an earlier overlay's value stays marked as the caller's
        kept[kept.length - 1] = cut;
      }
      const added: ParameterValue = Object.freeze({
        from,
        value: frozenJsonCopy(ov.value),
        source: ov.source ? frozenJsonCopy(ov.source) : CALLER_SOURCE,
      });
      CALLER_VALUES.add(added);
      values = [...kept, added];
    }
    checkHistory(id, values, base.schema);
    const next: Parameter = Object.freeze({ ...base, values: Object.freeze(values) });
    map.set(id, next);
    records.push(Object.freeze({ id, previous: base.values, values: next.values }));
  }
  return Object.freeze({ parameters: new ReadOnlyParameterMap(map), overridden: Object.freeze(records) });
}

function dayBefore(date: LegalDate): LegalDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The parameter with an id in a set.
 * @throws {@link PolicyError} `UNKNOWN_PARAMETER`
 */
export function getParameter<T = unknown>(set: ParameterSet, id: string): Parameter<T> {
  assertSet(set, "getParameter");
  if (typeof id !== "string") badArgument("getParameter", "id", "字符串", "a string", id);
  const p = set.parameters.get(id);
  if (!p)
    throw new PolicyError({
      code: "UNKNOWN_PARAMETER",
      zh: `未知参数 ${id}`,
      en: `unknown parameter ${id}`,
      details: { id },
    });
  return p as Parameter<T>;
}

/**
 * The value in force on a date of the parameter `id` in `set`, marked as
 * overridden when the value in force on that date is one an overlay put there
 * (a date before a dated overlay gets the base value, not overridden). Use it
 * to fill a trace.
 * @throws {@link PolicyError} `UNKNOWN_PARAMETER`, `PARAM_NOT_IN_FORCE`
 * @remarks Implements CORE-PARAM-1, CORE-PARAM-2.
 */
export function paramAt<T = unknown>(set: ParameterSet, id: string, date: LegalDate): ParameterUse<T> {
  assertSet(set, "paramAt");
  return valueAt(getParameter<T>(set, id), date);
}

/** A stale parameter and the date of its last value. */
export interface StaleParameter {
  readonly id: string;
  readonly label: Label;
  readonly lastFrom: LegalDate;
  readonly verified: boolean;
}

/**
 * Lists parameters whose newest value took effect before `horizon` (so CI can
 * warn that a standard needs review), in id order.
 * @example
 * ```ts
 * import { defineParameter, staleParameters } from "@sannong/core";
 * const reserve = defineParameter({
 *   id: "assets.revenue.reserveRatio", unit: "ratio", label: { zh: "收益预留比例", en: "reserve ratio" },
 *   values: [{ from: "2020-09-17", value: "0.1", source: { document: "sannong default", verified: false } }],
 * });
 * staleParameters([reserve], "2025-01-01").map((p) => [p.id, p.lastFrom, p.verified]); // → [["assets.revenue.reserveRatio", "2020-09-17", false]]
 * ```
 * @remarks Implements CORE-PARAM-3.
 */
export function staleParameters(params: ParameterSet | readonly Parameter[], horizon: LegalDate): StaleParameter[] {
  parseInput(legalDateSchema, horizon, "staleParameters");
  const list = Array.isArray(params)
    ? (params as readonly Parameter[])
    : [...assertSet(params, "staleParameters").parameters.values()];
  list.forEach((p, i) => assertParameter(p, "staleParameters", `params[${i}]`));
  return list
    .map((p) => {
      const last = p.values[p.values.length - 1]!;
      return { id: p.id, label: p.label, lastFrom: last.from, verified: last.source.verified };
    })
    .filter((s) => compareDates(s.lastFrom, horizon) < 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
