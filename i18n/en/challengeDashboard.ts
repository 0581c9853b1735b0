import type { CatalogOf } from "../catalog.ts";
import type { challengeDashboard as nl } from "../nl/challengeDashboard.ts";

export const challengeDashboard: CatalogOf<typeof nl> = {
  challengeDashboard: {},
};
