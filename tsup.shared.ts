import { defineConfig, type Options } from "tsup";

/** One build recipe for every package: dual ESM/CJS with types per condition. */
export function packageConfig(overrides: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: false,
    splitting: false,
    treeshake: true,
    tsconfig: "tsconfig.build.json",
    ...overrides,
  });
}
