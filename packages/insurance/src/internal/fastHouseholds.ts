import {
  isIdentifier,
  isLegalDate,
  toMu,
  type Area,
  type ApportionMethod,
  type LegalDate,
  deepFreeze,
} from "@sannong/core";
import { scaledToMu, scaledWeight } from "./land";

/**
 * What `allocateQuotaToHouseholds` computes from: the households' ids, their
 * land lost in 亩 (exact canonical decimal strings) and exact weights
 * (integers of 1/(2000·10⁴) 亩 when every area allows it, else the 亩
 * strings), plus the full parsed households when members or choices were given.
 * @internal
 */
export interface Prepared {
  readonly quota: number;
  readonly asOf: LegalDate;
  readonly method: ApportionMethod | undefined;
  readonly ids: readonly string[];
  readonly mu: readonly string[];
  readonly weights: readonly (number | string)[];
  /** Members and choices per household (undefined entries when none were given); null when no household gave any. */
  readonly choices:
    | readonly ({ readonly members?: readonly Member[]; readonly chosen?: readonly string[] } | undefined)[]
    | null;
}

interface Member {
  readonly id: string;
  readonly birthDate: string;
  readonly collectiveMember: boolean;
  readonly alreadyInsured: boolean;
}

/** The reference: from the zod schema's output. @internal */
export function prepare(data: {
  quota: number;
  asOf: LegalDate;
  method?: ApportionMethod | undefined;
  households: readonly {
    id: string;
    landLost: Area;
    members?: readonly Member[] | undefined;
    chosen?: readonly string[] | undefined;
  }[];
}): Prepared {
  const hs = data.households;
  const scaled = hs.map((h) => scaledWeight({ value: String(h.landLost.value), unit: h.landLost.unit }));
  const allScaled = scaled.every((w) => w !== undefined);
  const mu = allScaled ? scaled.map((w) => scaledToMu(w!)) : hs.map((h) => toMu(h.landLost).toFixed());
  const any = hs.some((h) => h.members !== undefined || h.chosen !== undefined);
  return {
    quota: data.quota,
    asOf: data.asOf,
    method: data.method,
    ids: hs.map((h) => h.id),
    mu,
    weights: allScaled ? (scaled as number[]) : mu,
    choices: any
      ? hs.map((h) =>
          h.members === undefined && h.chosen === undefined
            ? undefined
            : { ...(h.members ? { members: h.members } : {}), ...(h.chosen ? { chosen: h.chosen } : {}) },
        )
      : null,
  };
}

const SIMPLE = /^(?:0|[1-9]\d{0,8})(?:\.\d{0,3}[1-9])?$/;
const METHODS = new Set(["hamilton", "jefferson", "webster", "adams", "huntington-hill"]);
const FACTOR = /*#__PURE__*/ deepFreeze({ mu: 2000, hectare: 30000, sqm: 3 } as const);

function plain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function value(v: unknown): string | undefined {
  if (typeof v === "number") {
    if (!(v >= 0) || !Number.isFinite(v)) return undefined;
    const s = String(v);
    return SIMPLE.test(s) ? s : undefined;
  }
  return typeof v === "string" && SIMPLE.test(v) ? v : undefined;
}

/** Scaled weight of a SIMPLE value string in a unit (always a safe integer: < 10^13 × 30000 / … checked). */
function weightOf(s: string, unit: "mu" | "hectare" | "sqm"): number | undefined {
  const dot = s.indexOf(".");
  let scaled: number;
  if (dot < 0) scaled = Number(s) * 10_000;
  else {
    const frac = s.slice(dot + 1);
    scaled =
      Number(s.slice(0, dot)) * 10_000 +
      Number(frac) * (frac.length === 1 ? 1000 : frac.length === 2 ? 100 : frac.length === 3 ? 10 : 1);
  }
  const w = scaled * FACTOR[unit];
  return Number.isSafeInteger(w) ? w : undefined;
}

/**
 * A fast path for the common, large input of `allocateQuotaToHouseholds`:
 * `{ quota, asOf, method?, households: [{ id, landLost }] }` where every id is
 * already trimmed and 1–200 characters long, ids are distinct, and every
 * `landLost` is a canonical plain decimal of at most 4 decimals (alone or as
 * `{ value, unit }`). It returns exactly what {@link prepare} returns from the
 * zod schema's output for such input, or `undefined` for anything else — then
 * the caller runs the schema, which is the reference (and reports errors). The
 * property tests compare both on random valid and invalid input. @internal
 */
export function fastPrepare(input: unknown): Prepared | undefined {
  if (!plain(input)) return undefined;
  let keys = 0;
  for (const k in input) {
    if (k === "quota" || k === "asOf" || k === "households" || k === "method") keys++;
    else return undefined;
  }
  const { quota, asOf, method, households } = input;
  if (typeof quota !== "number" || !Number.isSafeInteger(quota) || quota < 0) return undefined;
  if (!isLegalDate(asOf)) return undefined;
  if (method !== undefined && (typeof method !== "string" || !METHODS.has(method))) return undefined;
  if (keys !== (method === undefined ? 3 : 4) || ("method" in input && method === undefined)) return undefined;
  if (!Array.isArray(households) || households.length === 0 || households.length > 1_000_000) return undefined;
  const n = households.length;
  const ids = new Array<string>(n);
  const mu = new Array<string>(n);
  const weights = new Array<number>(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const h: unknown = households[i];
    if (!plain(h)) return undefined;
    let hk = 0;
    for (const k in h) {
      if (k === "id" || k === "landLost") hk++;
      else return undefined;
    }
    if (hk !== 2) return undefined;
    const id = h["id"];
    if (!isIdentifier(id) || seen.has(id)) return undefined;
    seen.add(id);
    const l = h["landLost"];
    let s = value(l);
    let unit: "mu" | "hectare" | "sqm" = "mu";
    if (s === undefined) {
      if (!plain(l)) return undefined;
      let lk = 0;
      for (const k in l) {
        if (k === "value" || k === "unit") lk++;
        else return undefined;
      }
      s = value(l["value"]);
      const u = l["unit"];
      if (lk !== 2 || s === undefined || (u !== "mu" && u !== "hectare" && u !== "sqm")) return undefined;
      unit = u;
    }
    const w = weightOf(s, unit);
    if (w === undefined) return undefined;
    ids[i] = id;
    weights[i] = w;
    mu[i] = unit === "mu" ? s : scaledToMu(w);
  }
  return { quota, asOf, method: method as ApportionMethod | undefined, ids, mu, weights, choices: null };
}
