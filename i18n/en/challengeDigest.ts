import type { CatalogOf } from "../catalog.ts";
import type { challengeDigest as nl } from "../nl/challengeDigest.ts";

export const challengeDigest: CatalogOf<typeof nl> = {
  challengeDigest: {},
};
