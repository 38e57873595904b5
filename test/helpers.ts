/** Test helpers shared by every package's tests (not published). */
import { expect } from "vitest";
import { isSannongError, type SannongError } from "@sannong/core";

/**
 * Runs `fn`, expects it to throw a sannong error with `code` (and, when
 * given, `path`), checks both messages are non-empty, and returns the error.
 */
export function expectSannongError(fn: () => unknown, code: string, path?: readonly (string | number)[]): SannongError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "expected a sannong error to be thrown").toBeDefined();
  if (!isSannongError(thrown)) throw new Error(`expected a SannongError, got ${String(thrown)}`);
  expect(thrown.code).toBe(code);
  expect(thrown.zh.length).toBeGreaterThan(0);
  expect(thrown.en.length).toBeGreaterThan(0);
  if (path) expect(thrown.path).toEqual(path);
  return thrown;
}

/** Deep-freezes a value (to prove a function does not mutate its input). */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** JSON round trip: what a caller serialising the result would see. */
export function asJson(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}
