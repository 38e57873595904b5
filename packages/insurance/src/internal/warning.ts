/** A warning attached to a result: a stable code and a zh and an en message. */
export interface InsuranceWarning {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** Builds a frozen warning. @internal */
export function warning(code: string, zh: string, en: string): InsuranceWarning {
  return Object.freeze({ code, zh, en });
}
