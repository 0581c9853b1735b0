/** The consolidation guard's weekly digest mail to a region's organisers and admins. */
export const challengeDigest = {
  challengeDigest: {
    subject_one: "{{region}}: 1 opgave vraagt aandacht",
    subject_other: "{{region}}: {{count}} opgaven vragen aandacht",
    intro:
      "De signalering van {{region}} ziet deze week bij de volgende opgaven iets dat aandacht vraagt. Zo blijft het werk na de laatste evaluatie niet stilliggen.",
    challenge: "{{title}} ({{phase}})",
    open: "Bekijk de opgave",
    dashboard: "Alle opgaven van de regio op een rij (waar staan we?)",
    why: "Je krijgt deze mail elke week dat er iets te signaleren is, omdat je organisator of beheerder bent van {{region}}. De drempels (weken zonder activiteit, maanden in een fase) stelt een beheerder in bij de instellingen van de opgaven.",
  },
};
