import { common } from "./common.ts";
import { regions } from "./regions.ts";

export const en = { ...common, ...regions };
