/**
 * The region's look: its colour becomes the background of the header and the primary buttons,
 * always under white text, so it must keep that text readable (WCAG 2.2, 1.4.3: 4.5:1).
 */
export const MIN_CONTRAST = 4.5;

/** Logos are shown small in the header; 200 KB is ample and keeps every page light. */
export const MAX_LOGO_BYTES = 200 * 1024;

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const COLOR_PATTERN = /^#[0-9a-f]{6}$/;

function linear(channel: number): number {
  const s = channel / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return (
    0.2126 * linear((n >> 16) & 255) + 0.7152 * linear((n >> 8) & 255) + 0.0722 * linear(n & 255)
  );
}

/** The contrast ratio of white text on this colour, from 1 (white) to 21 (black). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * Rounded down, so that a colour just below the threshold is never shown as meeting it
 * ("4.47:1", not "4.5:1").
 */
export function formatRatio(ratio: number): number {
  return Math.floor(ratio * 100) / 100;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/**
 * The image type from the file's first bytes. The type a browser declares comes from the file
 * name and proves nothing; an SVG or HTML file renamed to .png must not be served as an image.
 */
export function detectImageType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}
