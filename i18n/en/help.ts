import type { help as nl } from "../nl/help.ts";

/** A short guide per area of a region: what the page is for and what to do first. */
export const help: typeof nl = {
  help: {
    summary: "Guide: what is this page for and where do you start?",
    whatTitle: "What it is for",
    firstTitle: "Start here",
    overview: {
      what: "The region at a glance: where each challenge stands in the cycle, what happened recently, which events are coming and which actions are still open. Warnings point at challenges that have gone quiet or miss a sector.",
      first:
        "First record the challenges the region works on (Challenges → New challenge). This overview then fills itself with what you organise.",
    },
    challenges: {
      what: "The region's urgent challenges, each in one of the four phases: decide what is urgent, form the network, do it together, consolidate. Link events, dialogue sessions, harvests, actions and coalitions to each one.",
      first:
        "Create a challenge with a short description. Let partners rate its urgency, and move it to the next phase only when you know why.",
    },
    network: {
      what: "Who works with whom, derived from what happened: attendance at events, dialogue groups, coalitions, actions and declared ties. You see the bridge builders and which sectors or perspectives are missing.",
      first:
        "Record attendance at events and keep people in the register; the network grows from that. The bridge builders table shows who connects sectors.",
    },
    organisations: {
      what: "The organisations in the region with their sector: government, vocational school, university of applied sciences, university, social organisation, company or residents. The sector sets the mix of coalitions and the network.",
      first: "Add the organisations you work with and choose the right sector for each.",
    },
    people: {
      what: "The register of people in the region, with their organisation and perspective. From here you export a person's data or erase it on request.",
      first:
        "Import an existing list as CSV (Import) or add people one by one. Merge duplicates rather than erasing them.",
    },
    dialogue: {
      what: "Live dialogue sessions with a group: participants join with a code on their phone, you see the answers come in and share the results.",
      first:
        "Start a session with the learning-region template, show the code on the big screen and open the first question.",
    },
    events: {
      what: "Knowledge sessions, workshops and development sessions: a public page, registration with a capacity and a waitlist, a confirmation with a calendar invite, reminders and attendance.",
      first:
        "Create an event, set the number of places and publish it. Then share the link to its public page.",
    },
    harvest: {
      what: "A harvest gathers what hundreds of people contributed, from sessions, events, a public form or a file, and turns it into themes, a publication and an action agenda.",
      first:
        "Create a harvest with the strategic themes you already know, add sources, then let it propose themes. Review the proposals before you publish.",
    },
    actions: {
      what: "The action agenda: what the region will do, with a lead, partners and the contributions each action came from.",
      first:
        "Create actions from a publication's themes, give each a lead and make the agenda public so that people can offer to join.",
    },
    coalitions: {
      what: "Development coalitions: groups of people and organisations around one or more actions. You see who belongs and which sectors and perspectives are still missing.",
      first:
        "Create a coalition around an action, add members from the register and answer the offers that come in from the public action agenda.",
    },
    members: {
      what: "Who has an account in this region and with which role: administrator, organiser, facilitator or member.",
      first:
        "Invite colleagues with the role that fits their work: a facilitator leads sessions, an organiser plans and publishes.",
    },
    settings: {
      what: "The region's name, colour, logo and privacy statement, how long personal data is kept, and the thresholds of the warnings.",
      first:
        "Set the region's colour and logo and write the privacy statement before you publish the first public event.",
    },
    outbox: {
      what: "Every e-mail the platform made for this region: confirmations, reminders and invitations, with the status of each.",
      first: "Check here whether a confirmation went out when someone says they received nothing.",
    },
  },
};
