import type { CatalogOf } from "../catalog.ts";
import type { regions as nl } from "../nl/regions.ts";

export const regions: CatalogOf<typeof nl> = {
  regions: {
    name: "Name of the region",
    slug: "Short name for the web address",
    slugHint: "Lower-case letters, digits and hyphens; used in the address: /r/short-name.",
    slugTaken: "This short name is already taken. Choose another.",
    description: "Short description",
    challenges: "Challenges the region works on",
    challengesHint: "One challenge per line.",
    figures: "Key figures",
    membersCount_one: "member",
    membersCount_other: "members",
    organisationsCount_one: "organisation",
    organisationsCount_other: "organisations",
    peopleCount_one: "person",
    peopleCount_other: "people",
    sectorMix: "Sectors in the network",
    sectorMixCaption: "Organisations and people per sector",
    sector: "Sector",
    missingSectors: "Not represented yet:",
    privacyStatement: "Privacy statement",
  },
  regionImport: {
    invalid: "This is not a valid region export:\n{{details}}",
    characters:
      "The file contains text with a character the database cannot store (a null character or half a surrogate pair). Remove it and try again.",
    slugTaken: 'A region with the slug "{{slug}}" exists already; choose another with --slug.',
    badSlug: '"{{slug}}" cannot be a slug: use lower-case letters, digits and hyphens.',
  },
};
