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

/** The five perspectives of the cycle's second phase (seed 001). */
export const PERSPECTIVES = ["work", "research", "living", "policy", "education"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
