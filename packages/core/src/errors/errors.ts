/** A path into the input, as zod reports it: keys and array indices. */
export type ErrorPath = readonly (string | number)[];

/** One problem found in the input. */
export interface Issue {
  /** Stable machine-readable code (zod's issue code, or a sannong code). */
  readonly code: string;
  /** Where in the input the problem is. */
  readonly path: ErrorPath;
  /** Chinese message. */
  readonly zh: string;
  /** English message. */
  readonly en: string;
}

/** The constructor argument of {@link SannongError}. */
export interface SannongErrorInit {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly path?: ErrorPath;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The languages every message of sannong is written in. */
export type Lang = "zh" | "en";

/**
 * The root of sannong's errors (错误). Every error the library throws is one
 * of its subclasses, with a stable `code`, the `path` of the offending field,
 * a Chinese and an English message and structured `details`.
 *
 * @example
 * ```ts
 * import { allocate, isSannongError } from "@sannong/core";
 * let caught: unknown;
 * try { allocate("100.00", []); } catch (e) { caught = e; }
 * isSannongError(caught) && [caught.code, caught.path]; // → ["INVALID_INPUT", ["weights"]]
 * ```
 * @remarks Implements CORE-ERR-1.
 */
export class SannongError extends Error {
  /** Stable machine-readable code; match on it, not on the message. */
  readonly code: string;
  /** Path of the offending field in the input (empty for the whole input). */
  readonly path: ErrorPath;
  /** Chinese message. */
  readonly zh: string;
  /** English message. */
  readonly en: string;
  /** Structured details (amounts as decimal strings). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: SannongErrorInit) {
    super(`[${init.code}] ${init.en}`);
    this.name = "SannongError";
    this.code = init.code;
    this.path = Object.freeze([...(init.path ?? [])]);
    this.zh = init.zh;
    this.en = init.en;
    this.details = Object.freeze({ ...(init.details ?? {}) });
  }

  /** The message in one language. */
  messageIn(lang: Lang): string {
    return lang === "zh" ? this.zh : this.en;
  }

  /** Plain-data form, safe for `JSON.stringify`. */
  toJSON(): {
    name: string;
    code: string;
    path: ErrorPath;
    zh: string;
    en: string;
    details: Readonly<Record<string, unknown>>;
  } {
    return { name: this.name, code: this.code, path: this.path, zh: this.zh, en: this.en, details: this.details };
  }
}

/**
 * The input is malformed: wrong types, unknown keys, bad dates, amounts with
 * too many decimals. Code `INVALID_INPUT`; every problem is in `issues`.
 * @remarks Implements CORE-ERR-1.
 */
export class ValidationError extends SannongError {
  /** Every problem found, in the order zod reported them. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], fn?: string) {
    const first = issues[0];
    const where = (p: ErrorPath): string => (p.length === 0 ? "(input)" : p.join("."));
    const more = issues.length > 1 ? issues.length - 1 : 0;
    super({
      code: "INVALID_INPUT",
      path: first?.path ?? [],
      zh: `${fn ? `${fn}：` : ""}输入无效，${where(first?.path ?? [])}：${first?.zh ?? "未知错误"}${more ? `（另有 ${more} 处问题）` : ""}`,
      en: `${fn ? `${fn}: ` : ""}invalid input at ${where(first?.path ?? [])}: ${first?.en ?? "unknown problem"}${more ? ` (and ${more} more)` : ""}`,
      details: { fn: fn ?? null, issueCount: issues.length },
    });
    this.name = "ValidationError";
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
  }

  override toJSON(): ReturnType<SannongError["toJSON"]> & { issues: readonly Issue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/**
 * The input is well formed but the rule refuses it (infeasible caps, a date
 * before a parameter's first value, a procedure not completed …).
 * @remarks Implements CORE-ERR-1.
 */
export class PolicyError extends SannongError {
  constructor(init: SannongErrorInit) {
    super(init);
    this.name = "PolicyError";
  }
}

/** True for any error thrown by sannong (works across module copies). */
export function isSannongError(e: unknown): e is SannongError {
  return (
    e instanceof SannongError ||
    (typeof e === "object" &&
      e !== null &&
      typeof (e as { code?: unknown }).code === "string" &&
      typeof (e as { zh?: unknown }).zh === "string" &&
      typeof (e as { en?: unknown }).en === "string" &&
      Array.isArray((e as { path?: unknown }).path))
  );
}

/** The outcome of a `safe…` call: the value, or the typed error. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SannongError };

/**
 * Runs `fn` and returns a {@link Result} instead of throwing a sannong error
 * (other errors — bugs — still propagate).
 *
 * @example
 * ```ts
 * import { safe, money } from "@sannong/core";
 * const r = safe(() => money("1.005"));
 * r.ok; // → false
 * ```
 */
export function safe<T>(fn: () => T): Result<T> {
  if (typeof fn !== "function") {
    const what = fn === null ? "null" : typeof fn;
    return {
      ok: false,
      error: new PolicyError({
        code: "INVALID_ARGUMENT",
        zh: `safe：参数 fn 应为函数，实际为 ${what}`,
        en: `safe: argument fn must be a function, got ${what}`,
        path: ["fn"],
      }),
    };
  }
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isSannongError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** zh/en message builders for one error code. */
export interface MessageTemplate<D> {
  readonly zh: (d: D) => string;
  readonly en: (d: D) => string;
}

/**
 * Declares a package's policy-error codes with their zh and en messages in one
 * place and returns a function that throws the typed {@link PolicyError}.
 *
 * @example
 * ```ts
 * import { defineErrors, safe } from "@sannong/core";
 * const fail = defineErrors({ NO_LAND: { zh: () => "村无土地", en: () => "village has no land" } });
 * const r = safe(() => fail("NO_LAND", undefined, ["villageArea"])); // fail always throws
 * r.ok ? "ok" : [r.error.name, r.error.code, r.error.path, r.error.zh]; // → ["PolicyError", "NO_LAND", ["villageArea"], "村无土地"]
 * ```
 */
export function defineErrors<M extends Record<string, MessageTemplate<never>>>(
  messages: M,
): <C extends keyof M & string>(code: C, details: Parameters<M[C]["zh"]>[0], path?: ErrorPath) => never {
  const ok =
    typeof messages === "object" &&
    messages !== null &&
    Object.values(messages).every(
      (m) => typeof m === "object" && m !== null && typeof m.zh === "function" && typeof m.en === "function",
    );
  if (!ok)
    throw new PolicyError({
      code: "INVALID_ARGUMENT",
      zh: "defineErrors：每个错误代码须有 zh 与 en 消息函数",
      en: "defineErrors: every code needs zh and en message functions",
      path: ["messages"],
    });
  return (code, details, path) => {
    const m = Object.hasOwn(messages, code) ? (messages[code] as unknown as MessageTemplate<unknown>) : undefined;
    if (!m)
      throw new PolicyError({
        code: "INVALID_ARGUMENT",
        zh: `未声明的错误代码 ${String(code)}`,
        en: `undeclared error code ${String(code)}`,
        path: ["code"],
      });
    throw new PolicyError({
      code,
      zh: m.zh(details),
      en: m.en(details),
      path: Array.isArray(path) ? path : [],
      details: typeof details === "object" && details !== null ? (details as Record<string, unknown>) : {},
    });
  };
}
