import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRegion } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

// What a browser asks for on its own (the favicon) and what a stale tab asks for (an asset of an
// earlier build) is no error of ours: it gets a plain answer and no error line in the log.
describe("requests no page made", () => {
  let s: TestServer;
  const lines: { level: number; msg: string }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean))
          lines.push(JSON.parse(line));
        done();
      },
    });
    s = await startTestServer({}, { log: pino({ level: "info" }, sink) });
  });
  afterAll(async () => {
    await s.close();
  });

  it("serves a favicon, and every page points at it", async () => {
    const icon = await fetch(s.url + "/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\//);
    const home = await (await fetch(s.url + "/")).text();
    expect(home).toMatch(/<link rel="icon"[^>]+href="\/favicon/);
  });

  it("answers an asset that does not exist with a plain 404, and logs no error", async () => {
    const before = lines.length;
    const res = await fetch(s.url + "/assets/entry.client-0ld0ld.js");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await res.text()).length).toBeLessThan(200);
    const bare = await fetch(s.url + "/assets/");
    expect(bare.status).toBe(404);
    const page = await fetch(s.url + "/no-such-page");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("<html");
    await new Promise((r) => setTimeout(r, 50));
    const errors = lines.slice(before).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });

  it("sends the public agenda feed without a cookie, so shared caches may keep it", async () => {
    await makeRegion(s.db, { slug: "feed-regio" });
    const res = await fetch(s.url + "/r/feed-regio/agenda.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/calendar/);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.headers.get("cache-control")).toMatch(/public/);
  });
});
