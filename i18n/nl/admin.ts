export const admin = {
  settings: {
    title: "Instellingen",
    intro:
      "Wat je hier instelt, zien bezoekers op de publieke pagina van de regio. Kleur en logo komen ook boven elke pagina van de regio.",
    saved: "De instellingen zijn opgeslagen.",
    general: "Over de regio",
    name: "Naam van de regio",
    description: "Korte beschrijving",
    descriptionHint:
      "Een paar zinnen: aan welke opgaven werkt de regio, en met wie? Een lege regel begint een nieuwe alinea.",
    challenges: "Opgaven",
    challengesHint:
      "Eén opgave per regel, bijvoorbeeld ‘Genoeg zorgpersoneel in de wijk’. Hoogstens 30.",
    look: "Uiterlijk",
    logo: "Nieuw logo",
    logoHint: "Een PNG-, JPEG- of WebP-afbeelding van hoogstens 200 kB.",
    currentLogo: "Huidig logo",
    noLogo: "Er is nog geen logo; de kop toont dan de naam van de regio.",
    removeLogo: "Logo verwijderen",
    logoType:
      "Dit bestand is geen PNG-, JPEG- of WebP-afbeelding. Sla het logo in een van die vormen op en kies het opnieuw.",
    logoTooLarge: "Dit bestand is groter dan {{max}} kB. Maak het kleiner en kies het opnieuw.",
    logoKept:
      "Kies het logo opnieuw als je het wilt wijzigen: een browser stuurt een gekozen bestand niet nog eens mee.",
    primaryColor: "Hoofdkleur",
    primaryColorHint:
      "Als #rrggbb, bijvoorbeeld #01689b. De kleur wordt de achtergrond van de kop en van knoppen, met witte tekst erop. Daarom moet het contrast met wit minstens 4,5:1 zijn.",
    currentColor: "Nu: {{color}}, contrast met witte tekst {{ratio, number}}:1.",
    preview: "Zo ziet een knop eruit",
    colorContrast:
      "Witte tekst op {{color}} heeft een contrast van {{ratio, number}}:1, en minstens {{min, number}}:1 is nodig om leesbaar te zijn. Kies een donkerdere kleur.",
    privacy: "Privacy",
    retentionMonths: "Bewaartermijn van persoonsgegevens, in maanden",
    retentionHint:
      "Hoe lang de regio gegevens van mensen bewaart nadat ze voor het laatst zijn bijgewerkt: tussen 1 en 120 maanden. Noem deze termijn ook in de privacyverklaring.",
    retentionRange: "Vul een aantal maanden in van 1 tot en met 120.",
    privacyStatement: "Privacyverklaring",
    privacyStatementHint:
      "Gewone tekst, geen HTML. Een lege regel begint een nieuwe alinea. Staat op de publieke pagina van de regio.",
  },
  members: {
    title: "Leden en rollen",
    intro: "Wie lid is van {{region}} en wat ieder mag.",
    rolesTitle: "Wat de rollen mogen",
    caption: "Leden van {{region}}",
    name: "Naam",
    email: "E-mailadres",
    role: "Rol",
    since: "Lid sinds",
    you: "(jij)",
    roleFor: "Rol van {{name}}",
    saveRole: "Rol opslaan",
    remove: "Verwijderen…",
    removeQuestion:
      "{{name}} verwijderen uit {{region}}? Het account blijft bestaan; alleen het lidmaatschap van deze regio vervalt.",
    removeConfirm: "Ja, verwijder {{name}}",
    roleChanged: "De rol is gewijzigd.",
    removed: "Het lidmaatschap is beëindigd.",
    lastAdminDemote:
      "Dit is de laatste beheerder van de regio en die houdt de rol beheerder. Maak eerst iemand anders beheerder.",
    lastAdminRemove:
      "De laatste beheerder kan niet uit de regio worden verwijderd. Maak eerst iemand anders beheerder.",
    alreadyMember: "Iemand met dit e-mailadres is al lid van de regio.",
    inviteTitle: "Iemand uitnodigen",
    inviteIntro:
      "De persoon krijgt een e-mail met een link die 14 dagen geldig is. Wie nog geen account heeft, maakt het via die link aan.",
    inviteEmail: "E-mailadres",
    inviteRole: "Rol",
    inviteSend: "Uitnodiging versturen",
    invited: "De uitnodiging is verstuurd.",
    invitedKept:
      "De uitnodiging is klaargezet. Er is nog geen mailserver ingesteld: de e-mail gaat weg zodra die er is. De link in de uitnodiging is alleen voor de ontvanger en staat daarom niet in ‘Verzonden e-mail’.",
    pendingTitle: "Openstaande uitnodigingen",
    pendingCaption: "Uitnodigingen die nog niet zijn geaccepteerd",
    noPending: "Er zijn geen openstaande uitnodigingen.",
    invitedBy: "Uitgenodigd door",
    created: "Verstuurd",
    expires: "Geldig tot",
    expired: "verlopen",
    revoke: "Intrekken",
    revokeLabel: "Uitnodiging voor {{email}} intrekken",
    revoked: "De uitnodiging is ingetrokken; de link werkt niet meer.",
    unknownUser: "onbekend",
  },
  outbox: {
    title: "Verzonden e-mail",
    intro:
      "Alle e-mail die het platform namens {{region}} verstuurt, zoals uitnodigingen, met de nieuwste bovenaan.",
    noSmtp:
      "Er is geen mailserver (SMTP) ingesteld. E-mail wordt daarom nog niet verstuurd, maar hier bewaard tot er een mailserver is.",
    secretLink: "[persoonlijke link, alleen voor de ontvanger]",
    secretLinksNote:
      "Persoonlijke links (uitnodigingen, wachtwoord herstellen, de eigen pagina van een aanmelder) zijn vervangen: wie zo’n link heeft, kan handelen als de ontvanger.",
    smtp: "E-mail gaat via de ingestelde mailserver. Lukt verzenden niet, dan probeert het platform het elke minuut opnieuw, tot {{max}} keer.",
    empty: "Er is nog geen e-mail verstuurd.",
    caption: "E-mail van {{region}}, nieuwste eerst",
    count: "{{total}} berichten in totaal.",
    to: "Aan",
    subject: "Onderwerp",
    created: "Aangemaakt",
    status: "Status",
    statuses: {
      sent: "Verzonden",
      waiting: "Wacht op verzending",
      kept: "Bewaard, niet verzonden",
      retrying: "Mislukt, wordt opnieuw geprobeerd ({{attempts}} pogingen)",
      failed: "Mislukt na {{attempts}} pogingen",
    },
    sentAt: "Verzonden op",
    attempts: "Pogingen",
    lastError: "Laatste foutmelding van de mailserver",
    text: "Tekst van de e-mail",
    back: "Terug naar verzonden e-mail",
    pagination: "Paginanavigatie",
    page: "Pagina {{page}} van {{pages}}",
    previous: "Vorige pagina",
    next: "Volgende pagina",
  },
  account: {
    title: "Mijn account",
    profileTitle: "Je gegevens",
    name: "Naam",
    email: "E-mailadres",
    emailHint: "Je e-mailadres is ook je inlognaam: {{email}}.",
    language: "Taal",
    profileSaved: "Je gegevens zijn opgeslagen.",
    passwordTitle: "Wachtwoord wijzigen",
    currentPassword: "Huidig wachtwoord",
    newPassword: "Nieuw wachtwoord",
    newPasswordHint:
      "Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
    changePassword: "Wachtwoord wijzigen",
    passwordChanged: "Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.",
    wrongPassword: "Dit is niet je huidige wachtwoord.",
    passwordUnchanged: "Kies een ander wachtwoord dan je huidige.",
    regionsTitle: "Je regio's",
    noRegions: "Je bent geen lid van een regio.",
    regionRole: "{{region}}: {{role}}",
    privacyTitle: "Jouw gegevens en privacy",
    privacyIntro:
      "Je mag altijd zien welke gegevens het platform over je bewaart, en je account laten verwijderen.",
    exportTitle: "Al mijn gegevens downloaden",
    exportIntro:
      "Een JSON-bestand met je account (zonder wachtwoord), je lidmaatschappen, wat regio's met jouw e-mailadres over je hebben vastgelegd, uitnodigingen en e-mail aan jou, en op hoeveel apparaten je bent ingelogd.",
    exportLink: "Download mijn gegevens (JSON)",
    exportFileName: "lerende-regio-mijn-gegevens.json",
    eraseTitle: "Mijn account verwijderen",
    eraseIntro:
      "Je account, je lidmaatschappen, uitnodigingen en e-mail aan jou worden verwijderd. Regio's die je als persoon in hun netwerk hebben, houden alleen een anonieme regel over, zonder naam, e-mailadres en expertise, zodat hun tellingen kloppen. Dit kan niet ongedaan worden gemaakt.",
    confirmEmail: "Typ ter bevestiging je e-mailadres",
    erasePassword: "Je wachtwoord",
    eraseButton: "Mijn account definitief verwijderen",
    eraseConfirmMismatch: "Dit is niet het e-mailadres van je account. Typ het precies over.",
    eraseLastAdmin:
      "Je bent de enige beheerder van {{regions}}. Maak eerst iemand anders beheerder (bij Leden en rollen); daarna kun je je account verwijderen.",
    eraseLastPlatformAdmin:
      "Je bent de enige platformbeheerder. Zonder jou kan niemand nog regio's aanmaken; maak eerst iemand anders platformbeheerder.",
    erasedTitle: "Je account is verwijderd",
    erasedText:
      "Je account en de gegevens die erbij hoorden zijn verwijderd, en je bent uitgelogd. Dank je wel voor je bijdrage.",
  },
  emailVerification: {
    mailSubject: "Bevestig je e-mailadres voor Lerende Regio",
    mailBody:
      "Bevestig via deze link dat dit e-mailadres van jou is ({{hours}} uur geldig):\n{{link}}\n\nDaarna neemt het platform ook gegevens mee die regio's waar je geen lid van bent met dit adres hebben vastgelegd, als je je gegevens downloadt of je account verwijdert. Heb je geen account aangemaakt? Dan hoef je niets te doen.",
    title: "E-mailadres bevestigen",
    intro: "Bevestig dat {{email}} jouw e-mailadres is.",
    confirm: "Ja, dit is mijn e-mailadres",
    invalid:
      "Deze bevestigingslink is ongeldig, al gebruikt of verlopen. Vraag op je accountpagina een nieuwe aan.",
    done: "Je e-mailadres is bevestigd.",
    notVerified:
      "Je e-mailadres is nog niet bevestigd. Tot dan nemen ‘mijn gegevens’ en het verwijderen van je account alleen mee wat bij je account en je eigen regio's hoort, niet wat andere regio's met dit adres hebben vastgelegd.",
    send: "Stuur een bevestigingslink",
    sent: "We hebben een bevestigingslink gestuurd naar {{email}}.",
    notSent:
      "Er is al kort geleden een link gestuurd. Kijk in je mailbox, of probeer het over een paar minuten opnieuw.",
    toAccount: "Naar mijn account",
  },
};
