import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { contrastWithWhite, detectImageType, MAX_LOGO_BYTES } from "./look.ts";
import { findPublicRegion, getRegionLogo, getRegionSettings } from "./queries.ts";
import { updateRegionSettings } from "./updateRegionSettings.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Uint8Array.from([...Buffer.from("RIFF"), 0x1a, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');

const valid = {
  name: "Regio Arnhem-Nijmegen",
  description: "Samen aan de slag met zorg en welzijn.",
  challenges: "  Genoeg zorgpersoneel \r\n\n Wonen voor ouderen\n",
  primaryColor: "#01689B",
  retentionMonths: "36",
  privacyStatement: "We bewaren alleen wat nodig is.",
};

describe("the look of a region", () => {
  it("computes WCAG contrast with white", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });

  it("recognises PNG, JPEG and WebP by their first bytes, and nothing else", () => {
    expect(detectImageType(PNG)).toBe("image/png");
    expect(detectImageType(JPEG)).toBe("image/jpeg");
    expect(detectImageType(WEBP)).toBe("image/webp");
    expect(detectImageType(SVG)).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("GIF89a......"))).toBeNull();
  });
});

describe("updateRegionSettings", () => {
  it("saves every setting, with challenges one per line and the colour in lower case", async () => {
    const { scope, region } = await makeScope(t.db, "admin");
    const result = await updateRegionSettings(scope, valid, { bytes: PNG });
    expect(result).toEqual({ ok: true, value: { logoChanged: true } });
    const saved = await getRegionSettings(scope);
    expect(saved).toMatchObject({
      name: "Regio Arnhem-Nijmegen",
      challenges: "Genoeg zorgpersoneel\nWonen voor ouderen",
      primary_color: "#01689b",
      retention_months: 36,
      privacy_statement: "We bewaren alleen wat nodig is.",
      logo_mime: "image/png",
    });
    const logo = await getRegionLogo(t.db, region.slug);
    expect(Buffer.from(logo!.logo!).equals(Buffer.from(PNG))).toBe(true);
    expect((await findPublicRegion(t.db, region.slug))?.name).toBe("Regio Arnhem-Nijmegen");
  });

  it("refuses a colour that white text cannot be read on, naming the contrast", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const result = await updateRegionSettings(scope, { ...valid, primaryColor: "#ffcc00" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        primaryColor: { key: "settings.colorContrast", values: { color: "#ffcc00", min: 4.5 } },
      },
    });
    if (result.ok) return;
    expect(result.fieldErrors!.primaryColor!.values!.ratio).toBeLessThan(4.5);
    expect((await getRegionSettings(scope)).primary_color).toBe("#01689b");
  });

  it("never rounds a colour just below the threshold up to it", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const result = await updateRegionSettings(scope, { ...valid, primaryColor: "#777777" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors!.primaryColor!.values!.ratio).toBe(4.47);
  });

  it("refuses a colour that is not #rrggbb", async () => {
    const { scope } = await makeScope(t.db, "admin");
    for (const primaryColor of ["blue", "#123", "01689b", "#01689g", ""]) {
      const result = await updateRegionSettings(scope, { ...valid, primaryColor });
      expect(result).toMatchObject({ ok: false, fieldErrors: { primaryColor: {} } });
    }
  });

  it("reports the contrast even when another field is wrong too", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const result = await updateRegionSettings(scope, {
      ...valid,
      name: "",
      primaryColor: "#eeeeee",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: { key: "validation.required" },
        primaryColor: { key: "settings.colorContrast" },
      },
    });
  });

  it("refuses a file that only claims to be an image, and one over 200 KB", async () => {
    const { scope } = await makeScope(t.db, "admin");
    expect(await updateRegionSettings(scope, valid, { bytes: SVG })).toMatchObject({
      ok: false,
      fieldErrors: { logo: { key: "settings.logoType" } },
    });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    expect(await updateRegionSettings(scope, valid, { bytes: big })).toMatchObject({
      ok: false,
      fieldErrors: { logo: { key: "settings.logoTooLarge", values: { max: 200 } } },
    });
    expect((await getRegionSettings(scope)).logo_mime).toBeNull();
  });

  it("stores the detected type, keeps the logo when none is sent, and removes it on request", async () => {
    const { scope, region } = await makeScope(t.db, "admin");
    await updateRegionSettings(scope, valid, { bytes: WEBP });
    expect((await getRegionSettings(scope)).logo_mime).toBe("image/webp");
    expect(await updateRegionSettings(scope, valid, { bytes: new Uint8Array() })).toEqual({
      ok: true,
      value: { logoChanged: false },
    });
    expect((await getRegionSettings(scope)).logo_mime).toBe("image/webp");
    await updateRegionSettings(scope, { ...valid, removeLogo: "on" });
    expect((await getRegionSettings(scope)).logo_mime).toBeNull();
    expect(await getRegionLogo(t.db, region.slug)).toBeUndefined();
  });

  it("keeps the retention period between 1 and 120 months", async () => {
    const { scope } = await makeScope(t.db, "admin");
    for (const retentionMonths of ["0", "121", "12.5", "twaalf", ""]) {
      expect(await updateRegionSettings(scope, { ...valid, retentionMonths })).toMatchObject({
        ok: false,
        fieldErrors: { retentionMonths: { key: "settings.retentionRange" } },
      });
    }
    expect((await updateRegionSettings(scope, { ...valid, retentionMonths: "120" })).ok).toBe(true);
  });

  it("shows a too long challenge at the challenges field", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const result = await updateRegionSettings(scope, {
      ...valid,
      challenges: `Kort\n${"x".repeat(501)}`,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { challenges: { key: "validation.tooLong", values: { max: 500 } } },
    });
  });

  it("is for admins only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    expect(await updateRegionSettings(scope, valid)).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});
