import type { CatalogOf } from "../catalog.ts";
import type { challengePublic as nl } from "../nl/challengePublic.ts";

export const challengePublic: CatalogOf<typeof nl> = {
  challengePublic: {},
};
