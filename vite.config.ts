import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig({
  plugins: [
    reactRouter(),
    // The browser's files compressed once at build time (brotli and gzip beside each), so the
    // server sends them without compressing on every request. The server bundle (index.js) is
    // read from disk, never sent: not compressed.
    compression({
      algorithms: ["brotliCompress", "gzip"],
      exclude: [/^index\.js$/],
      logLevel: "silent",
    }),
  ],
  build: { target: "es2022" },
  ssr: {
    // Server-only packages stay external: they run under Node, not in the bundle.
    external: ["@electric-sql/pglite", "pg", "nodemailer", "exceljs", "pino"],
  },
});
