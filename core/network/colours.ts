import { SECTORS, type Sector } from "../kernel/sectors.ts";

/**
 * The colours of the network map and its files, in one place so the map in the browser, the
 * SVG drawn on the server and the legends agree.
 *
 * Sectors: Okabe & Ito's colour-blind safe palette, with yellow and sky blue darkened and a
 * brown and a purple added, so that all eight differ and each has at least 3:1 contrast on
 * white (WCAG 1.4.11 for graphical objects; checked in colours.test.ts). The map never relies on
 * colour alone: the legend, the tables and the hover label name the sector.
 */
export const SECTOR_COLOURS: Readonly<Record<Sector, string>> = {
  government: "#0072B2", // blue
  mbo: "#D55E00", // vermillion
  hbo: "#9A7D0A", // dark yellow
  wo: "#CC79A7", // reddish purple
  social: "#009E73", // bluish green
  company: "#8C510A", // brown
  residents: "#5D3A9B", // purple
  other: "#6B6B6B", // grey: unknown or none
};

export const sectorColour = (sector: string): string =>
  SECTOR_COLOURS[(SECTORS as readonly string[]).includes(sector) ? (sector as Sector) : "other"];

/**
 * Communities mean nothing but difference: Tableau's categorical ten, the lightest darkened to
 * 3:1 on white. Beyond ten communities the palette repeats (the tables give the number).
 */
export const COMMUNITY_COLOURS = [
  "#4E79A7",
  "#E15759",
  "#59A14F",
  "#B07AA1",
  "#9C755F",
  "#C9711F",
  "#3E8E89",
  "#D1606D",
  "#A68A15",
  "#7F7672",
] as const;

export const communityColour = (community: number): string =>
  COMMUNITY_COLOURS[Math.abs(Math.trunc(community)) % COMMUNITY_COLOURS.length]!;
