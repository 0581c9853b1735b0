import { gzipSync } from "node:zlib";
import { startServer } from "./lib.ts";

/**
 * Two figures from issue 2: time from starting the server process on an empty data folder
 * (migrations + demo seed included) to the first 200 on `/`, and the gzipped JavaScript a visitor
 * of the public region page downloads. Run after `npm run build`.
 */
const json = process.argv.includes("--json");
const server = await startServer();
try {
  const page = await fetch(server.url + "/r/arnhem-nijmegen");
  const html = await page.text();
  const scripts = new Set<string>();
  for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) scripts.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) scripts.add(m[1]!);
  for (const m of html.matchAll(/import\("([^"]+\.js)"\)|import "([^"]+\.js)"/g))
    scripts.add((m[1] ?? m[2])!);
  let gz = 0;
  let raw = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const inlineGz = gzipSync(Buffer.from(inline)).length;
  const result = {
    start_to_first_200_ms: Math.round(server.startedMs),
    public_page_js_files: scripts.size,
    public_page_js_bytes: raw,
    public_page_js_gzip_bytes: gz,
    inline_script_gzip_bytes: inlineGz,
  };
  console.log(json ? JSON.stringify(result) : result);
} finally {
  await server.stop();
}
