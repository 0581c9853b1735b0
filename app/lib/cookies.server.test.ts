import { describe, expect, it } from "vitest";
import { cookieValue, readCookie, SESSION_COOKIE } from "./cookies.server.ts";

describe("reading a cookie", () => {
  it("finds a cookie among others, whatever the spacing", () => {
    expect(cookieValue("a=1;lr_session=abc_DEF-9 ; lr_lang=en", SESSION_COOKIE)).toBe("abc_DEF-9");
    expect(cookieValue("lr_lang=en", SESSION_COOKIE)).toBeNull();
    expect(cookieValue(undefined, SESSION_COOKIE)).toBeNull();
    expect(cookieValue("", SESSION_COOKIE)).toBeNull();
  });

  it("takes the first of two with one name, as browsers send the most specific first", () => {
    expect(cookieValue("lr_session=first; lr_session=second", SESSION_COOKIE)).toBe("first");
  });

  it("reads a value that is not one of ours as absent, without decoding it", () => {
    expect(cookieValue("lr_session=%41", SESSION_COOKIE)).toBeNull();
    expect(cookieValue('lr_session="quoted"', SESSION_COOKIE)).toBeNull();
    expect(cookieValue("lr_session=a=b", SESSION_COOKIE)).toBeNull();
    expect(cookieValue(`lr_session=${"x".repeat(201)}`, SESSION_COOKIE)).toBeNull();
    expect(cookieValue("lr_session=", SESSION_COOKIE)).toBeNull();
    expect(cookieValue("__proto__=x", "__proto__")).toBe("x");
    expect(cookieValue("a=1", "constructor")).toBeNull();
  });

  it("reads a Fetch request's Cookie header the same way", () => {
    const request = new Request("http://lr.test/", { headers: { Cookie: "lr_session=tok" } });
    expect(readCookie(request, SESSION_COOKIE)).toBe("tok");
  });
});
