import { defineConfig } from "vitest/config";

// The app under test runs React's and React Router's production builds, as the server does
// (server/production.ts): the development builds render several times slower. Vite reads
// NODE_ENV after loading this file (JSX transform, export conditions), and the test processes
// inherit it; vitest itself set it to "test" before.
process.env.NODE_ENV = "production";

// PGlite is Postgres compiled to a large WASM module. Without --liftoff-only, V8 compiles it a
// second time with its optimising tier in every test process, which costs seconds of CPU per
// file; the server runs with the flag too (docs/architecture.md, "Memory").
const execArgv = ["--liftoff-only"];
// One migrated database per run that each test's database is copied from (test/db.ts).
const globalSetup = ["test/globalSetup.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "core/**/*.test.ts",
            "db/**/*.test.ts",
            "server/**/*.test.ts",
            "app/**/*.test.ts",
            "cli/**/*.test.ts",
            "i18n/**/*.test.ts",
          ],
          // CI runs the PGlite and the PostgreSQL pass side by side on two cores (.ci/run): a
          // test may take twice as long as on a quiet machine without being stuck.
          testTimeout: 90_000,
          hookTimeout: 120_000,
          execArgv,
          globalSetup,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          // The two CI passes share two cores with their browsers: a long flow may wait its turn.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // One browser and one server at a time: the machine has two cores.
          fileParallelism: false,
          execArgv,
          globalSetup,
        },
      },
    ],
  },
});
