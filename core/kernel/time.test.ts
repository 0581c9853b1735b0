import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatEventTime,
  formatMoment,
  isoDay,
  parseLocalDateTime,
  toLocalInput,
} from "./time.ts";

// 23:30 UTC on 31 December is already New Year's Day in Amsterdam (UTC+1 in winter).
const NEW_YEAR = "2026-12-31T23:30:05Z";
// 12:30 UTC in summer is 14:30 in Amsterdam (UTC+2).
const SUMMER = new Date("2026-07-02T12:30:00Z");

describe("writing a moment", () => {
  it("writes every style in Amsterdam time, in the reader's language", () => {
    expect(formatMoment(NEW_YEAR, "nl", "longDate")).toBe("1 januari 2027");
    expect(formatMoment(NEW_YEAR, "en", "longDate")).toBe("1 January 2027");
    expect(formatMoment(NEW_YEAR, "nl", "numericDate")).toBe("1-1-2027");
    expect(formatMoment(NEW_YEAR, "en", "numericDate")).toBe("01/01/2027");
    expect(formatMoment(NEW_YEAR, "nl", "timeWithSeconds")).toBe("00:30:05");
    expect(formatMoment(SUMMER, "en", "time")).toBe("14:30");
    expect(formatMoment(SUMMER, "nl", "weekdayDate")).toBe("donderdag 2 juli 2026");
    expect(formatMoment(SUMMER, "nl", "shortDateTime")).toBe("02-07-2026, 14:30");
    expect(formatDate(SUMMER, "nl")).toBe("2 jul 2026");
    expect(formatDateTime(SUMMER, "en")).toBe("2 Jul 2026, 14:30");
  });

  it("gives the Amsterdam day for file names", () => {
    expect(isoDay(NEW_YEAR)).toBe("2027-01-01");
    expect(isoDay(SUMMER)).toBe("2026-07-02");
  });

  it("writes an event's time on one day or across days", () => {
    const end = new Date(SUMMER.getTime() + 2 * 3600 * 1000);
    expect(formatEventTime(SUMMER, end, "nl")).toBe("donderdag 2 juli 2026, 14:30–16:30");
    expect(formatEventTime(SUMMER, new Date(SUMMER.getTime() + 24 * 3600 * 1000), "en")).toBe(
      "Thursday, 2 July 2026 14:30 – Friday, 3 July 2026 14:30",
    );
  });

  it("reads what a datetime-local field typed back as the same moment", () => {
    expect(toLocalInput(SUMMER)).toBe("2026-07-02T14:30");
    expect(parseLocalDateTime("2026-07-02T14:30")).toEqual(SUMMER);
    expect(parseLocalDateTime("2026-02-31T10:00")).toBeNull();
  });
});
