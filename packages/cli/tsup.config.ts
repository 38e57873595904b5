import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const version = (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string })
  .version;

const common: Options = {
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: false,
  splitting: false,
  treeshake: true,
  // The two builds write into the same dist/ at once, so neither may clean it.
  clean: false,
  tsconfig: "tsconfig.build.json",
};

/** The library door (programmatic use): dual ESM/CJS with types, the other @sannong packages imported. */
const library: Options = { ...common, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true };

/**
 * The executable: one self-contained ESM file. The @sannong workspace packages
 * are bundled from their sources (the `@sannong/source` condition), so that
 * `pnpm --filter @sannong/cli build` alone gives a working `sannong` without
 * building (or waiting for) the other packages, and the command always runs
 * the library code of the same commit. yaml and zod stay dependencies.
 */
const bin: Options = {
  ...common,
  entry: { bin: "src/bin.ts" },
  dts: false,
  noExternal: [/^@sannong\//],
  esbuildOptions(options) {
    options.conditions = ["@sannong/source"];
  },
  define: { __SANNONG_CLI_VERSION__: JSON.stringify(version) },
};

// SANNONG_CLI_BIN_ONLY=1 builds only the executable (used by the tests, which need no types).
export default process.env["SANNONG_CLI_BIN_ONLY"] ? defineConfig(bin) : defineConfig([library, bin]);
