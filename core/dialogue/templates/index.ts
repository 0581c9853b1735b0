import type { Template } from "../template.ts";
import { learningRegionTemplate } from "./learningRegion.ts";

/** Templates that ship with the product; regions copy and edit them into their own. */
export const BUILTIN_TEMPLATES: { key: string; template: Template }[] = [
  { key: "learning-region", template: learningRegionTemplate },
];
