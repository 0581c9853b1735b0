import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  ssr: {
    // Server-only packages stay external: they run under Node, not in the bundle.
    external: ["@electric-sql/pglite", "pg", "nodemailer", "exceljs", "pino"],
  },
});
