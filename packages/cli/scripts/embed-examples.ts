/**
 * Regenerates src/internal/examples.ts from examples/demo/ so that the
 * built `sannong` carries the demo's scenarios inside it.
 *
 *   npx tsx --conditions=@sannong/source packages/cli/scripts/embed-examples.ts
 *
 * The test "CLI-DEMO-1: the embedded examples are the files of examples/demo/"
 * fails when this has not been run after an example changed.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { embeddedExamplesModule } from "../src/internal/embed";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const target = fileURLToPath(new URL("../src/internal/examples.ts", import.meta.url));
writeFileSync(target, embeddedExamplesModule(root));
process.stdout.write(`wrote ${target}\n`);
