/**
 * fast-check seeding: random locally (so property tests keep exploring), a
 * fixed seed under CI (so a landing never depends on luck), and FC_SEED to
 * replay any run a failure reported.
 */
import fc from "fast-check";

const fromEnv = process.env["FC_SEED"];
if (fromEnv !== undefined) fc.configureGlobal({ seed: Number(fromEnv) });
else if (process.env["CI"]) fc.configureGlobal({ seed: 20261122 });
