import { request } from "node:http";
import { cookieHeader, storeCookies } from "./client.ts";

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Like TestClient, but its requests come from a loopback address of its choosing (127.0.0.2,
 * 127.0.0.3, …), so route tests can play several client addresses against one server. Keeps
 * cookies and the CSRF token of the last page, follows no redirects.
 */
export class ClientAt {
  private cookies = new Map<string, string>();
  private csrf = "";
  readonly base: string;
  readonly localAddress: string;

  constructor(base: string, localAddress: string) {
    this.base = base;
    this.localAddress = localAddress;
  }

  private send(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<PlainResponse> {
    const cookie = cookieHeader(this.cookies);
    return new Promise((resolve, reject) => {
      const req = request(
        this.base + path,
        {
          method,
          localAddress: this.localAddress,
          headers: {
            Cookie: cookie,
            ...(body === undefined
              ? {}
              : {
                  "Content-Type": "application/x-www-form-urlencoded",
                  "Content-Length": String(Buffer.byteLength(body)),
                  Origin: this.base,
                }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            storeCookies(this.cookies, res.headers["set-cookie"] ?? []);
            const text = Buffer.concat(chunks).toString("utf8");
            const token = /name="_csrf" value="([^"]+)"/.exec(text);
            if (token) this.csrf = token[1]!;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  get(path: string, headers?: Record<string, string>): Promise<PlainResponse> {
    return this.send("GET", path, undefined, headers);
  }

  /** Posts a form as a browser without JavaScript does; fetches `path` first for a token when none is known. */
  async post(
    path: string,
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<PlainResponse> {
    if (!this.csrf) await this.get(path);
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    return this.send("POST", path, body, headers);
  }
}
