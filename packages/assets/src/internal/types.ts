import type { Money } from "@sannong/core";

/**
 * The input type of a schema with every array and object readonly, so
 * callers may pass frozen or `as const` data (and results of other functions).
 */
export type ReadonlyInput<T> = T extends Money
  ? T
  : T extends readonly (infer U)[]
    ? readonly ReadonlyInput<U>[]
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyInput<T[K]> }
      : T;
