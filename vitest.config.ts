import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@sannong/source"] },
  ssr: { resolve: { conditions: ["@sannong/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    pool: "threads",
    reporters: ["default", "./test/summary-reporter.ts"],
    setupFiles: ["./test/setup.ts"],
  },
});
