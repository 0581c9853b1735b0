/** The quadruple helix, as a fixed list: government, education (three levels), society, business. */
export const SECTORS = [
  "government",
  "mbo",
  "hbo",
  "wo",
  "social",
  "company",
  "residents",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const isSector = (value: unknown): value is Sector => SECTORS.includes(value as Sector);

/** The catalog key of a sector as stored (text in the database); an unknown value reads "other". */
export const sectorKey = (sector: string) =>
  `sectors.${isSector(sector) ? sector : "other"}` as const;

/** The five perspectives of the cycle's second phase (seed 001). */
export const PERSPECTIVES = ["work", "research", "living", "policy", "education"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const isPerspective = (value: unknown): value is Perspective =>
  PERSPECTIVES.includes(value as Perspective);

/** The catalog key of a perspective as stored; an unknown value is refused earlier, by schema. */
export const perspectiveKey = (perspective: Perspective) => `perspectives.${perspective}` as const;

/**
 * The poster's three essentials of a learning region (seed 001): knowledge management, network
 * forming, collaborating. The knowledge base tags entries with them and the self-scan scores
 * them, so that a scan's weakest essential can point to the entries that address it.
 */
export const ESSENTIALS = ["knowledge", "network", "collaboration"] as const;
export type Essential = (typeof ESSENTIALS)[number];
