/**
 * A short guide per area of a region, shown above the area's main page: what the page is for and
 * what to do first. Written for a coordinator who opens the area for the first time.
 */
export const help = {
  help: {
    summary: "Uitleg: waarvoor is deze pagina en waar begin je?",
    whatTitle: "Waarvoor",
    firstTitle: "Begin hier",
    overview: {
      what: "Het overzicht van de regio: waar staat elke opgave in de cyclus, wat is er onlangs gebeurd, welke bijeenkomsten komen eraan en welke acties lopen nog. Waarschuwingen wijzen op opgaven die stil liggen of waar een sector ontbreekt.",
      first:
        "Leg eerst de opgaven vast waar de regio aan werkt (Opgaven → Nieuwe opgave). Daarna vult dit overzicht zich vanzelf met wat je organiseert.",
    },
    challenges: {
      what: "De urgente opgaven van de regio, elk in een van de vier fasen: urgentie bepalen, netwerk vormen, samen doen, borgen. Per opgave koppel je bijeenkomsten, dialoogsessies, oogsten, acties en coalities.",
      first:
        "Maak een opgave aan met een korte omschrijving. Laat partners de urgentie beoordelen en zet de opgave pas een fase verder als je weet waarom.",
    },
    network: {
      what: "Wie met wie samenwerkt, afgeleid uit wat er gebeurde: aanwezigheid bij bijeenkomsten, dialooggroepen, coalities, acties en opgegeven relaties. Je ziet de bruggenbouwers en welke sectoren of perspectieven ontbreken.",
      first:
        "Registreer aanwezigheid bij bijeenkomsten en zet mensen in het personenregister; dan groeit het netwerk. Bekijk de tabel bruggenbouwers voor wie sectoren verbindt.",
    },
    organisations: {
      what: "De organisaties in de regio, met hun sector: gemeente, mbo, hbo, wo, maatschappelijke organisatie, bedrijf of bewoners. De sector bepaalt de mix in coalities en het netwerk.",
      first: "Voeg de organisaties toe waarmee je samenwerkt en kies bij elk de juiste sector.",
    },
    people: {
      what: "Het register van mensen in de regio, met hun organisatie en perspectief. Vanaf hier exporteer je iemands gegevens of wis je ze op verzoek.",
      first:
        "Importeer een bestaande lijst als CSV (Importeren) of voeg mensen één voor één toe. Voeg dubbele personen samen in plaats van ze te wissen.",
    },
    dialogue: {
      what: "Live dialoogsessies met een groep: deelnemers doen mee met een code op hun telefoon, jij ziet de antwoorden binnenkomen en deelt de uitkomsten.",
      first:
        "Start een sessie met het sjabloon van de lerende regio, laat de code zien op het grote scherm en open de eerste vraag.",
    },
    events: {
      what: "Kennissessies, workshops en ontwikkelsessies: een openbare pagina, aanmelden met een maximum en een wachtlijst, een bevestiging met agenda-uitnodiging, herinneringen en aanwezigheid.",
      first:
        "Maak een bijeenkomst aan, zet het maximum aantal plaatsen en publiceer hem. Deel daarna de link naar de openbare pagina.",
    },
    harvest: {
      what: "Een oogst verzamelt wat honderden mensen inbrachten, uit sessies, bijeenkomsten, een openbaar formulier of een bestand, en maakt er thema's, een publicatie en een actieagenda van.",
      first:
        "Maak een oogst aan met de strategische thema's die je al kent, voeg bronnen toe en laat daarna thema's voorstellen. Beoordeel de voorstellen voordat je publiceert.",
    },
    actions: {
      what: "De actieagenda: wat de regio gaat doen, met een trekker, partners en de bijdragen waar elke actie uit voortkwam.",
      first:
        "Maak acties vanuit de thema's van een publicatie, geef elke actie een trekker en zet de agenda openbaar zodat mensen zich kunnen aanmelden.",
    },
    coalitions: {
      what: "Ontwikkelcoalities: groepen mensen en organisaties rond één of meer acties. Je ziet wie erbij hoort en welke sectoren en perspectieven nog ontbreken.",
      first:
        "Maak een coalitie rond een actie, voeg leden toe uit het register en beantwoord de aanmeldingen van de openbare actieagenda.",
    },
    members: {
      what: "Wie een account heeft in deze regio en met welke rol: beheerder, organisator, facilitator of lid.",
      first:
        "Nodig collega's uit met de rol die bij hun werk past: een facilitator leidt sessies, een organisator plant en publiceert.",
    },
    settings: {
      what: "De naam, kleur, logo en privacyverklaring van de regio, de bewaartermijn van persoonsgegevens en de drempels van de waarschuwingen.",
      first:
        "Zet de kleur en het logo van de regio en vul de privacyverklaring in voordat je de eerste openbare bijeenkomst publiceert.",
    },
    outbox: {
      what: "Alle e-mail die het platform voor deze regio maakte: bevestigingen, herinneringen en uitnodigingen, met de status van elke mail.",
      first:
        "Controleer hier of een bevestiging is verstuurd als iemand zegt dat hij niets ontving.",
    },
  },
};
