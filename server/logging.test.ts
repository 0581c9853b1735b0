import { describe, expect, it } from "vitest";
import { loggedPath } from "./app.ts";

describe("the request log", () => {
  it("leaves out query strings and the secrets of invitation and reset links", () => {
    expect(loggedPath("/login?redirectTo=%2Faccount&email=a%40b.nl")).toBe("/login");
    expect(loggedPath("/invitation/AbC-123_xyz")).toBe("/invitation/:token");
    expect(loggedPath("/reset-password/AbC-123_xyz?x=1")).toBe("/reset-password/:token");
    expect(loggedPath("/registration/0b5e.AbC-123_xyz?cancelled=1")).toBe("/registration/:token");
    expect(loggedPath("/scan/AbC-123_xyz")).toBe("/scan/:token");
    expect(loggedPath("/manage/regio-arnhem/outbox")).toBe("/manage/regio-arnhem/outbox");
    expect(loggedPath(undefined)).toBe("");
  });
});
