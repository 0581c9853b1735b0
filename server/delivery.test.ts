import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRegion } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

// A phone on a weak connection in a full hall: every text answer compressed, and the build's
// files fetched once and kept.
describe("what a page costs over the wire", () => {
  let s: TestServer;
  let slug: string;
  beforeAll(async () => {
    s = await startTestServer();
    slug = (await makeRegion(s.db)).slug;
  });
  afterAll(async () => {
    await s.close();
  });

  const scriptsOf = (html: string) =>
    [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);

  it("sends the build's files precompressed, brotli or gzip as the browser takes, kept for a year", async () => {
    const html = await (await fetch(s.url + "/live")).text();
    const scripts = scriptsOf(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const [accept, encoding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const res = await fetch(s.url + scripts[0], { headers: { "Accept-Encoding": accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(res.headers.get("cache-control")).toMatch(/public/);
      expect(res.headers.get("cache-control")).toMatch(/max-age=31536000/);
      expect(res.headers.get("cache-control")).toMatch(/immutable/);
      // fetch decompresses: what arrives is the script itself.
      expect((await res.text()).length).toBeGreaterThan(0);
    }
    const plain = await fetch(s.url + scripts[0], { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("compresses pages, feeds and files made per request, and no shared cache keeps a page", async () => {
    const page = await fetch(s.url + "/live", { headers: { "Accept-Encoding": "br, gzip" } });
    expect(page.headers.get("content-encoding")).toBe("br");
    expect(page.headers.get("cache-control")).toBe("private, no-cache");
    expect(await page.text()).toContain("</html>");
    const agenda = await fetch(s.url + `/r/${slug}/events`, {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(agenda.headers.get("content-encoding")).toBe("gzip");
    expect(await agenda.text()).toContain("</html>");
    // The icon keeps its name from build to build: cached, but not for a year.
    const icon = await fetch(s.url + "/favicon.svg", { headers: { "Accept-Encoding": "br" } });
    expect(icon.headers.get("cache-control")).toBe("public, max-age=86400");
  });
});
