import { admin } from "./admin.ts";
import { common } from "./common.ts";
import { dialogue } from "./dialogue.ts";
import { dialogueResults } from "./dialogueResults.ts";
import { people } from "./people.ts";
import { regions } from "./regions.ts";

export const en = { ...common, ...dialogue, ...dialogueResults, ...regions, ...people, ...admin };
