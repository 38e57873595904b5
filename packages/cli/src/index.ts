/**
 * @sannong/cli — the `sannong` command (scenario files, a policy test runner
 * for CI, parameter listing and the demo) and its parts for programmatic use.
 *
 * @packageDocumentation
 */

// --- scenarios (CLI-SCEN-1, CLI-SCEN-2) ---
export { parseScenario, loadScenario } from "./scenario/load";
export type { Scenario, ScenarioCase } from "./scenario/load";
export { runScenario, runCase, computeScenario } from "./scenario/run";
export type { CaseOutcome, CaseStatus, RunOptions } from "./scenario/run";
export { compareExpected, parseFieldPath } from "./scenario/compare";
export type { Mismatch } from "./scenario/compare";
export { NumberLiteral } from "./scenario/source";
export { ScenarioError, formatProblem } from "./scenario/errors";
export type { ScenarioProblem, ScenarioErrorCode } from "./scenario/errors";

// --- the registry of computations ---
export { createRegistry } from "./scenario/computation";
export type { Computation, ComputationFn, ComputationOptions, Registry, RegisterOptions } from "./scenario/computation";
export { builtInRegistry } from "./registry";

// --- the command (CLI-RUN-1, CLI-TEST-1, CLI-PARAM-1, CLI-DEMO-1) ---
export { main } from "./commands/main";
export type { Io, Lang } from "./commands/io";
export { EXIT } from "./commands/io";
