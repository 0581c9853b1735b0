import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../server/app.ts";
import { parseConfig } from "../server/env.server.ts";
import { TestClient } from "../test/client.ts";
import { createTestDb, type TestDb } from "../test/db.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { errorForLog } from "./lib/errorLog.server.ts";

/**
 * The three causes of the 500s an outside audit found (issue 17), each as the request that
 * produced one: an event whose end is empty or malformed, a list's query string with text the
 * database cannot take, and a form posted from another site. Each now gets a translated answer
 * below 500, and the log says what happened at the level it deserves.
 */

interface LogLine {
  level: number;
  msg: string;
  err?: { message?: string };
  origin?: string;
}

describe("bad input that was a 500 (issue 17)", () => {
  let app: App;
  let testDb: TestDb;
  let url: string;
  let slug: string;
  let admin: TestClient;
  const log: LogLine[] = [];

  beforeAll(async () => {
    testDb = await createTestDb();
    const config = parseConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
    });
    // The test reads the log the server writes: levels matter here (warning, not error).
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n").filter(Boolean))
          log.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    app = await createApp(config, { log: pino({ level: "info" }, stream), handle: testDb });
    await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    app.services.config.publicUrl = url;
    const { region, user } = await makeScope(testDb.db, "admin");
    slug = region.slug;
    admin = new TestClient(url);
    await admin.signIn(user.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await app.close().catch(() => undefined);
    await testDb.dispose();
  });

  const errors = () => log.filter((l) => l.level >= 50);

  it("answers a new event with an empty or malformed end with the form and a message", async () => {
    const event = {
      title: "Werkplaats",
      kind: "workshop",
      mode: "online",
      onlineUrl: "https://meet.example.org/x",
      startsAt: "2027-03-04T14:30",
    };
    await admin.get(`/manage/${slug}/events/new`);
    const empty = await admin.post(`/manage/${slug}/events/new`, { ...event, endsAt: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Vul dit veld in.");
    const malformed = await admin.post(`/manage/${slug}/events/new`, {
      ...event,
      endsAt: "2027-02-31T10:00",
      registrationDeadline: "morgen",
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("Vul een datum en tijd in");
    const noStart = await admin.post(`/manage/${slug}/events/new`, {
      ...event,
      startsAt: " ",
      endsAt: "2027-03-04T15:30",
    });
    expect(noStart.status).toBe(400);
    expect(await testDb.db.selectFrom("events").select("id").execute()).toEqual([]);

    // The event's own page saves through the same schema.
    const created = await admin.post(`/manage/${slug}/events/new`, {
      ...event,
      endsAt: "2027-03-04T16:00",
    });
    expect(created.status).toBe(302);
    const page = created.headers.get("Location")!.split("?")[0]!;
    await admin.get(page);
    const saved = await admin.post(page, { _intent: "save", ...event, endsAt: "" });
    expect(saved.status).toBe(400);
    expect(await saved.text()).toContain("Vul dit veld in.");
    const row = await testDb.db.selectFrom("events").select("ends_at").executeTakeFirstOrThrow();
    expect(row.ends_at).toEqual(new Date("2027-03-04T15:00:00Z"));
    expect(errors()).toEqual([]);
  });

  it("answers odd query strings of the organisations and people lists below 500", async () => {
    const odd = [
      "q=%00",
      "q=a%00b&sector=%00",
      "q=%ED%A0%80",
      "q=%F0%28%8C%BC",
      `q=${"x".repeat(20_000)}`,
      `q=${"x".repeat(3_000)}`,
      "page=1e20",
      "page=-1&organisation=%00",
    ];
    for (const list of ["organisations", "people"])
      for (const query of odd)
        for (const suffix of [".data", ""]) {
          const res = await admin.get(`/manage/${slug}/${list}${suffix}?${query}`);
          const body = await res.text();
          expect.soft(res.status, `${list}${suffix}?${query.slice(0, 30)}`).toBeLessThan(500);
          expect.soft(body).not.toMatch(/invalid byte sequence|\n\s+at /);
        }
    // Too long for Node's header limit: refused before any handler, with a reason.
    const long = await admin.get(`/manage/${slug}/people?q=${"x".repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(await long.text()).toContain("te lang");
    // A NUL in a query string is left out: the list reads what remains.
    const nul = await admin.get(`/manage/${slug}/organisations?q=%00`);
    expect(nul.status).toBe(200);
    expect(await nul.text()).toContain("Organisaties");
    // In a path it names nothing that exists, and in a form it is refused with a message.
    const inPath = await admin.get(`/manage/${slug}%00/people`);
    expect(inPath.status).toBe(400);
    expect(await inPath.text()).toContain("een teken dat we niet kunnen verwerken");
    await admin.get(`/manage/${slug}/organisations/new`);
    const inForm = await admin.post(`/manage/${slug}/organisations/new`, {
      name: "Nul\u0000Organisatie",
      sector: "hbo",
    });
    expect(inForm.status).toBe(400);
    expect(await inForm.text()).toContain("een teken dat we niet kunnen verwerken");
    expect(await testDb.db.selectFrom("organisations").select("id").execute()).toEqual([]);
    expect(errors()).toEqual([]);
  });

  it("refuses a form from another site with 403 and a short page in the visitor's language, as a warning", async () => {
    const before = log.length;
    const visitor = new TestClient(url);
    await visitor.get("/forgot-password");
    const evil = await visitor.post(
      "/forgot-password",
      { email: "iemand@example.org" },
      { Origin: "http://evil.example" },
    );
    expect(evil.status).toBe(403);
    expect(evil.headers.get("Content-Type")).toContain("text/html");
    expect(await evil.text()).toContain("vanaf een andere website");
    // Same host, other scheme: the router's own check refused this one with a logged error.
    for (const path of ["/forgot-password", "/forgot-password.data"]) {
      const https = await visitor.post(
        path,
        { email: "iemand@example.org" },
        { Origin: url.replace("http:", "https:"), "Accept-Language": "en" },
      );
      expect(https.status).toBe(403);
      expect(await https.text()).toContain("sent from another website");
    }
    const lines = log.slice(before).filter((l) => l.msg !== "request");
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, "cross-origin post refused"],
      [40, "cross-origin post refused"],
      [40, "cross-origin post refused"],
    ]);
    expect(lines[0]!.origin).toBe("http://evil.example");
    // A form of this site itself still goes through.
    const own = await visitor.post("/forgot-password", { email: "iemand@example.org" });
    expect(own.status).toBeLessThan(400);
    expect(errors()).toEqual([]);
  });

  it("logs the message of a thrown value that is not an Error", () => {
    expect(errorForLog({ message: "invalid byte sequence", code: "22021" }).message).toBe(
      "invalid byte sequence",
    );
    expect(errorForLog({ code: "XX000" }).message).toBe('{"code":"XX000"}');
    expect(errorForLog("kapot").message).toBe("kapot");
    const e = new Error("stuk");
    expect(errorForLog(e)).toEqual({ message: "stuk", stack: e.stack });
  });
});
