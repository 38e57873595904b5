import { ValidationError, type ErrorPath } from "@sannong/core";

/**
 * Runs a @sannong/funds call on a part of a migrants input and re-throws its
 * ValidationError with the part's path in front and the migrants function's
 * name, so errors keep one shape and point into the caller's input.
 * @internal
 */
export function delegate<T>(fn: string, prefix: ErrorPath, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof ValidationError)
      throw new ValidationError(
        e.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
        fn,
      );
    throw e;
  }
}
