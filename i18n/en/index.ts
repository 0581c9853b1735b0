import { admin } from "./admin.ts";
import { challengeDashboard } from "./challengeDashboard.ts";
import { challengeDigest } from "./challengeDigest.ts";
import { challengePages } from "./challengePages.ts";
import { challengePublic } from "./challengePublic.ts";
import { challenges } from "./challenges.ts";
import { agenda } from "./agenda.ts";
import { common } from "./common.ts";
import { dialogue } from "./dialogue.ts";
import { dialogueResults } from "./dialogueResults.ts";
import { dialogueTemplates } from "./dialogueTemplates.ts";
import { dialogueThemes } from "./dialogueThemes.ts";
import { events } from "./events.ts";
import { eventsAdmin } from "./eventsAdmin.ts";
import { harvest } from "./harvest.ts";
import { harvestThemes } from "./harvestThemes.ts";
import { knowledge } from "./knowledge.ts";
import { knowledgeSearch } from "./knowledgeSearch.ts";
import { help } from "./help.ts";
import { network } from "./network.ts";
import { people } from "./people.ts";
import { publication } from "./publication.ts";
import { regions } from "./regions.ts";
import { scan } from "./scan.ts";

export const en = {
  ...common,
  ...dialogue,
  ...dialogueTemplates,
  ...dialogueResults,
  ...dialogueThemes,
  ...events,
  ...eventsAdmin,
  ...harvest,
  ...harvestThemes,
  ...knowledge,
  ...knowledgeSearch,
  ...regions,
  ...people,
  ...admin,
  ...publication,
  ...agenda,
  ...challenges,
  ...challengePages,
  ...challengePublic,
  ...challengeDigest,
  ...challengeDashboard,
  ...network,
  ...scan,
  ...help,
};
