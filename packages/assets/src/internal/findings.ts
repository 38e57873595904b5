import type { ErrorPath } from "@sannong/core";

/**
 * A finding of a check (a flag, a violation or a warning): stable code, the
 * rule it comes from, zh and en text, and where in the input it was found.
 */
export interface AssetFinding {
  /** Stable machine-readable code, e.g. `RESERVE_BELOW_MINIMUM`. */
  readonly code: string;
  /** The rule ID, e.g. `ASSET-REV-2`. */
  readonly rule: string;
  readonly zh: string;
  readonly en: string;
  /** Where in the input (empty for the whole input). */
  readonly path: ErrorPath;
}

/** Builds a frozen finding. @internal */
export function finding(code: string, rule: string, zh: string, en: string, path: ErrorPath = []): AssetFinding {
  return Object.freeze({ code, rule, zh, en, path: Object.freeze([...path]) });
}
