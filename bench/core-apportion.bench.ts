/**
 * CORE-APPORTION-1: `apportion` of 1,000,000 places over 10,000 weights, every
 * method, under 300 ms median each (exact: weights are compared as integers;
 * divisor methods jump-start from a float divisor and repair exactly).
 *
 *   npx tsx --conditions=@sannong/source bench/run.ts core-apportion
 */
import { APPORTION_METHODS, apportion, type ApportionMethod, type ApportionResult } from "@sannong/core";
import { benchCase, rng } from "./harness";

const PLACES = 1_000_000;
const N = 10_000;

interface Input {
  readonly weights: (number | string)[];
  readonly method: ApportionMethod;
  readonly max?: (number | null)[];
}

function verify(input: Input, out: unknown): void {
  const { seats } = out as ApportionResult;
  if (seats.length !== N) throw new Error(`expected ${N} seats, got ${seats.length}`);
  let total = 0;
  for (let i = 0; i < N; i++) {
    const s = seats[i]!;
    if (!Number.isSafeInteger(s) || s < 0) throw new Error(`seat ${i} is ${s}`);
    const cap = input.max?.[i];
    if (cap != null && s > cap) throw new Error(`seat ${i} = ${s} above its max ${cap}`);
    total += s;
  }
  if (total !== PLACES) throw new Error(`seats add up to ${total}, not ${PLACES}`);
}

/** Integer populations 1 … 1,000,000 (a county's villages, say). */
function integerWeights(): number[] {
  const r = rng(20240601);
  return Array.from({ length: N }, () => 1 + Math.floor(r() * 1_000_000));
}

/** Decimal-string weights with 4 decimals (areas in 亩), read exactly. */
function decimalWeights(): string[] {
  const r = rng(7);
  return Array.from(
    { length: N },
    () => `${Math.floor(r() * 5000)}.${String(Math.floor(r() * 10000)).padStart(4, "0")}`,
  );
}

const byMethod = APPORTION_METHODS.map((method) =>
  benchCase<Input>({
    operation: `core.apportion ${method}`,
    size: "1,000,000 places / 10,000 w",
    setup: () => ({ weights: integerWeights(), method }),
    run: (input) => apportion(PLACES, input.weights, { method: input.method }),
    verify,
    target: { maxMedianMs: 300 },
  }),
);

const decimals = APPORTION_METHODS.map((method) =>
  benchCase<Input>({
    operation: `core.apportion ${method} (decimal strings)`,
    size: "1,000,000 places / 10,000 w",
    setup: () => ({ weights: decimalWeights(), method }),
    run: (input) => apportion(PLACES, input.weights, { method: input.method }),
    verify,
    target: { maxMedianMs: 300 },
  }),
);

const bounded = (["hamilton", "jefferson", "huntington-hill"] as const).map((method) =>
  benchCase<Input>({
    operation: `core.apportion ${method} (max on 10 %)`,
    size: "1,000,000 places / 10,000 w",
    setup: () => {
      const weights = integerWeights();
      return { weights, method, max: weights.map((w, i) => (i % 10 === 0 ? Math.floor(w / 10_000) : null)) };
    },
    run: (input) => apportion(PLACES, input.weights, { method: input.method, max: input.max! }),
    verify,
    target: { maxMedianMs: 300 },
  }),
);

export default [...byMethod, ...decimals, ...bounded];
