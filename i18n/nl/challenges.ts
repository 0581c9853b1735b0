/** Challenges and the four-phase cycle: what core/challenges says and every page shares. */
export const challenges = {
  challenges: {
    slugTaken: "Er zijn al te veel opgaven met deze titel. Kies een andere titel.",
    samePhase: "De opgave is al in deze fase. Kies een andere fase.",
    partyRequired: "Kies een organisatie of een persoon.",
    phase: {
      "1": "Urgente opgave",
      "2": "Netwerk vormen",
      "3": "Samen doen",
      "4": "Borgen en voortzetten",
    },
    phaseNumbered: "Fase {{n}}: {{name}}",
    status: {
      candidate: "Kandidaat",
      active: "Actief",
      paused: "Gepauzeerd",
      closed: "Afgerond",
    },
    linkKind: {
      event: "Bijeenkomst",
      session: "Dialoogsessie",
      harvest: "Oogst",
      action: "Actie",
      coalition: "Ontwikkelcoalitie",
    },
    ladder: {
      "1": "Goed en genoeg personeel",
      "2": "Actueel curriculum",
      "3": "Werkplekleren en leven lang ontwikkelen",
      "4": "Vraagstukken uit de praktijk",
      "5": "De lerende regio",
    },
    ambitionSource: {
      coordinator: "ingesteld door de coördinator",
      dialogue_one: "uit dialoogsessie ({{count}} antwoord)",
      dialogue_other: "uit dialoogsessie ({{count}} antwoorden)",
    },
    helix: {
      government: "overheid",
      education: "onderwijs",
      business: "bedrijfsleven",
      society: "maatschappelijke organisaties en bewoners",
    },
    role: {
      initiator: "Initiatiefnemer",
      knowledgeBroker: "Kennismakelaar",
      bridgeBuilder: "Verbinder (bruggenbouwer)",
      experientialExpert: "Ervaringsdeskundige",
      funder: "Financier",
      processLead: "Procesbegeleider",
    },
    warning: {
      stale_one: "Al {{count}} week geen activiteit.",
      stale_other: "Al {{count}} weken geen activiteit.",
      phaseTooLong_one: "Al {{count}} maand in dezelfde fase.",
      phaseTooLong_other: "Al {{count}} maanden in dezelfde fase.",
      missingSectors: "Geen partner uit: {{list}}.",
      missingPerspectives: "Geen perspectief: {{list}}.",
      noContinuation: "In fase 4 zonder afspraak over: {{list}}.",
      continuation: {
        funding: "financiering",
        structure: "structuur",
        owner: "eigenaar",
      },
    },
  },
};
