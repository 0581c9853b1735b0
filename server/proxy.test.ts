import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../test/client.ts";
import { makeUser, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/** Sends a chunked body of `mb` megabytes and returns the status, or "reset" if cut off. */
function chunkedPost(url: string, mb: number, cookie = ""): Promise<number | "reset"> {
  return new Promise((resolve) => {
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
          Cookie: cookie,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve("reset"));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < mb * 16) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("request bodies and headers at the edge", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ PUBLIC_URL: "https://lr.example", TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await s.close();
  });

  it("refuses a chunked body without a length before reading it, signed in or not", async () => {
    const before = process.memoryUsage().rss;
    expect(await chunkedPost(`${s.url}/forgot-password`, 50)).not.toBe(200);
    expect(await chunkedPost(`${s.url}/forgot-password`, 50, "lr_csrf=x")).not.toBe(200);
    // Fifty megabytes were offered twice; far less than that was held.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    const status = await chunkedPost(`${s.url}/forgot-password`, 1, "lr_csrf=x");
    expect([411, "reset"]).toContain(status);
  });

  it("refuses a large post with neither a session nor a form cookie with 403, before its body", async () => {
    const res = await fetch(`${s.url}/forgot-password`, {
      method: "POST",
      body: new URLSearchParams({ email: "a@b.nl", filler: "x".repeat(200_000) }),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Laad de pagina opnieuw");
  });

  it("accepts form posts behind a TLS-terminating proxy that sends X-Forwarded-Proto", async () => {
    const user = await makeUser(s.db);
    const proxied = {
      "X-Forwarded-Proto": "https",
      "X-Forwarded-Host": "lr.example",
      "X-Forwarded-For": "203.0.113.7",
      Origin: "https://lr.example",
    };
    const client = new TestClient(s.url);
    await client.get("/login", proxied);
    const res = await client.post(
      "/login",
      { email: user.email, password: TEST_PASSWORD },
      proxied,
    );
    expect(res.status).toBe(302);
    // A page of another origin is still refused.
    const evil = await client.post(
      "/login",
      { email: user.email, password: TEST_PASSWORD },
      { ...proxied, Origin: "https://evil.example" },
    );
    expect(evil.status).toBe(403);
  });

  it("sends HSTS with an https PUBLIC_URL and a Content-Security-Policy on pages", async () => {
    const res = await fetch(`${s.url}/login`);
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=31536000");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});
