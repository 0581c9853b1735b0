import type { CatalogOf } from "../catalog.ts";
import type { challengePages as nl } from "../nl/challengePages.ts";

export const challengePages: CatalogOf<typeof nl> = {
  challengePages: {},
};
