import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  ssr: true,
  // Parallel work (tests, benchmarks) can build into a folder of its own.
  buildDirectory: process.env.BUILD_DIR ?? "build",
} satisfies Config;
