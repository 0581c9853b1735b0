/** Keeps what `Set-Cookie` lines set, and forgets what they expire, as a browser does. */
export function storeCookies(jar: Map<string, string>, lines: readonly string[]): void {
  for (const line of lines) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    if (/Max-Age=0/i.test(line) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: Map<string, string>): string =>
  [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * A small browser stand-in for route tests: keeps cookies, follows nothing by itself, and sends
 * the CSRF token that the last fetched page carried, as a browser posting the page's form would.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = "";
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  private store(res: Response) {
    storeCookies(this.cookies, res.headers.getSetCookie());
  }

  private cookieHeader(): string {
    return cookieHeader(this.cookies);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      headers: { Cookie: this.cookieHeader(), ...headers },
      redirect: "manual",
    });
    this.store(res);
    if ((res.headers.get("Content-Type") ?? "").includes("text/html")) {
      const html = await res.clone().text();
      const m = /name="_csrf" value="([^"]+)"/.exec(html);
      if (m) this.csrf = m[1]!;
    }
    return res;
  }

  /** Posts a form the way a browser without JavaScript does. Fetches `path` first for a token when none is known. */
  async post(
    path: string,
    fields: Record<string, string | string[]> | FormData,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    if (!this.csrf) await this.get(path);
    let body: FormData | URLSearchParams;
    if (fields instanceof FormData) {
      body = fields;
      if (!body.has("_csrf")) body.set("_csrf", this.csrf);
    } else {
      body = new URLSearchParams();
      body.set("_csrf", this.csrf);
      for (const [k, v] of Object.entries(fields))
        for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    const res = await fetch(this.base + path, {
      method: "POST",
      body,
      headers: { Cookie: this.cookieHeader(), Origin: this.base, ...headers },
      redirect: "manual",
    });
    this.store(res);
    return res;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.get("/login");
    const res = await this.post("/login", { email, password });
    if (res.status !== 302 && res.status !== 303 && res.status !== 204)
      throw new Error(`sign-in failed with ${res.status}`);
    // The session has its own CSRF token: pick it up from a signed-in page.
    await this.get("/");
  }
}
