export const regions = {
  regions: {
    name: "Naam van de regio",
    slug: "Korte naam voor het webadres",
    slugHint: "Kleine letters, cijfers en streepjes; komt in het adres: /r/korte-naam.",
    slugTaken: "Deze korte naam is al in gebruik. Kies een andere.",
    description: "Korte beschrijving",
    challenges: "Opgaven waar de regio aan werkt",
    challengesHint: "Eén opgave per regel.",
    figures: "Kerngetallen",
    membersCount: "leden",
    sectorMix: "Sectoren in het netwerk",
    sectorMixCaption: "Organisaties en mensen per sector",
    sector: "Sector",
    missingSectors: "Nog niet vertegenwoordigd:",
    privacyStatement: "Privacyverklaring",
  },
  regionImport: {
    invalid: "Dit is geen geldige export van een regio:\n{{details}}",
    characters:
      "Het bestand bevat tekst met een teken dat de database niet kan bewaren (een nul-teken of een halve surrogate). Haal het weg en probeer het opnieuw.",
    slugTaken: 'Er is al een regio met de korte naam "{{slug}}". Kies een andere met --slug.',
    badSlug: '"{{slug}}" kan geen korte naam zijn: gebruik kleine letters, cijfers en streepjes.',
  },
};
