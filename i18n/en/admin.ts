import type { CatalogOf } from "../catalog.ts";
import type { admin as nl } from "../nl/admin.ts";

export const admin: CatalogOf<typeof nl> = {
  settings: {
    title: "Settings",
    intro:
      "Visitors see what you set here on the region's public page. The colour and logo also appear at the top of every page of the region.",
    saved: "The settings have been saved.",
    general: "About the region",
    name: "Name of the region",
    description: "Short description",
    descriptionHint:
      "A few sentences: which challenges does the region work on, and with whom? An empty line starts a new paragraph.",
    challenges: "Challenges",
    challengesHint:
      "One challenge per line, for example ‘Enough care staff in the neighbourhood’. At most 30.",
    look: "Look",
    logo: "New logo",
    logoHint: "A PNG, JPEG or WebP image of at most 200 KB.",
    currentLogo: "Current logo",
    noLogo: "There is no logo yet; the header shows the region's name instead.",
    removeLogo: "Remove the logo",
    logoType:
      "This file is not a PNG, JPEG or WebP image. Save the logo in one of those formats and choose it again.",
    logoTooLarge: "This file is larger than {{max}} KB. Make it smaller and choose it again.",
    logoKept:
      "Choose the logo again if you want to change it: a browser does not send a chosen file a second time.",
    primaryColor: "Main colour",
    primaryColorHint:
      "As #rrggbb, for example #01689b. The colour becomes the background of the header and of buttons, with white text on it, so its contrast with white must be at least 4.5:1.",
    currentColor: "Now: {{color}}, contrast with white text {{ratio, number}}:1.",
    preview: "This is how a button looks",
    colorContrast:
      "White text on {{color}} has a contrast of {{ratio, number}}:1, and at least {{min, number}}:1 is needed to be readable. Choose a darker colour.",
    privacy: "Privacy",
    retentionMonths: "Retention period for personal data, in months",
    retentionHint:
      "How long the region keeps people's data after it was last updated: between 1 and 120 months. Mention this period in the privacy statement too.",
    retentionRange: "Enter a number of months from 1 to 120.",
    privacyStatement: "Privacy statement",
    privacyStatementHint:
      "Plain text, no HTML. An empty line starts a new paragraph. Shown on the region's public page.",
  },
  members: {
    title: "Members and roles",
    intro: "Who is a member of {{region}}, and what each may do.",
    rolesTitle: "What the roles may do",
    caption: "Members of {{region}}",
    name: "Name",
    email: "E-mail address",
    role: "Role",
    since: "Member since",
    you: "(you)",
    roleFor: "Role of {{name}}",
    saveRole: "Save role",
    remove: "Remove…",
    removeQuestion:
      "Remove {{name}} from {{region}}? The account stays; only the membership of this region ends.",
    removeConfirm: "Yes, remove {{name}}",
    roleChanged: "The role has been changed.",
    removed: "The membership has ended.",
    lastAdminDemote:
      "This is the region's last admin, who keeps the admin role. Make someone else an admin first.",
    lastAdminRemove:
      "The last admin cannot be removed from the region. Make someone else an admin first.",
    alreadyMember: "Someone with this e-mail address is already a member of the region.",
    inviteTitle: "Invite someone",
    inviteIntro:
      "The person receives an e-mail with a link that is valid for 14 days. Someone without an account creates one through that link.",
    inviteEmail: "E-mail address",
    inviteRole: "Role",
    inviteSend: "Send invitation",
    invited: "The invitation has been sent.",
    invitedKept:
      "The invitation is ready. No mail server is configured yet: the e-mail goes out as soon as there is one. The link in the invitation is for the recipient only and is therefore not shown under ‘Sent e-mail’.",
    pendingTitle: "Open invitations",
    pendingCaption: "Invitations not yet accepted",
    noPending: "There are no open invitations.",
    invitedBy: "Invited by",
    created: "Sent",
    expires: "Valid until",
    expired: "expired",
    revoke: "Revoke",
    revokeLabel: "Revoke the invitation for {{email}}",
    revoked: "The invitation has been revoked; its link no longer works.",
    unknownUser: "unknown",
  },
  outbox: {
    title: "Outgoing e-mail",
    intro:
      "All e-mail the platform sends on behalf of {{region}}, such as invitations, newest first. Each message says whether it has been sent.",
    noSmtp:
      "No mail server (SMTP) is configured. E-mail is therefore not sent yet, but kept here until there is a mail server.",
    secretLink: "[personal link, for the recipient only]",
    secretLinksNote:
      "Personal links (invitations, password resets, a registrant’s own page) are replaced: whoever holds such a link can act as the recipient.",
    smtp: "E-mail goes through the configured mail server. When sending fails, the platform tries again every minute, up to {{max}} times.",
    empty: "There is no e-mail yet.",
    caption: "E-mail of {{region}}, newest first",
    count_one: "{{count}} message in total.",
    count_other: "{{count}} messages in total.",
    to: "To",
    subject: "Subject",
    created: "Created",
    status: "Status",
    statuses: {
      sent: "Sent",
      waiting: "Waiting to be sent",
      kept: "Kept, not sent",
      retrying_one: "Failed, will be retried ({{count}} attempt)",
      retrying_other: "Failed, will be retried ({{count}} attempts)",
      failed_one: "Failed after {{count}} attempt",
      failed_other: "Failed after {{count}} attempts",
    },
    sentAt: "Sent on",
    attempts: "Attempts",
    lastError: "Last error from the mail server",
    text: "Text of the e-mail",
    back: "Back to outgoing e-mail",
    attachments: "Attachments",
    attachment: "{{name}} ({{size}})",
    resendTitle: "Send again",
    resendIntro:
      "A copy goes to {{to}}, the recipient of this message. Not to another address: an e-mail may hold the recipient’s personal link.",
    resend: "Send again",
    resent: "A copy of the message is ready for {{to}}.",
    pagination: "Page navigation",
    page: "Page {{page}} of {{pages}}",
    previous: "Previous page",
    next: "Next page",
  },
  account: {
    title: "My account",
    profileTitle: "Your details",
    name: "Name",
    email: "E-mail address",
    emailHint: "Your e-mail address is also your sign-in name: {{email}}.",
    language: "Language",
    profileSaved: "Your details have been saved.",
    passwordTitle: "Change password",
    currentPassword: "Current password",
    newPassword: "New password",
    newPasswordHint:
      "At least 10 characters. A sentence of a few words is strong and easy to remember.",
    changePassword: "Change password",
    passwordChanged: "Your password has been changed. You have been signed out on other devices.",
    wrongPassword: "This is not your current password.",
    passwordUnchanged: "Choose a password other than your current one.",
    regionsTitle: "Your regions",
    noRegions: "You are not a member of any region.",
    regionRole: "{{region}}: {{role}}",
    privacyTitle: "Your data and privacy",
    privacyIntro:
      "You may always see which data the platform keeps about you, and have your account erased.",
    exportTitle: "Download all my data",
    exportIntro:
      "A JSON file with your account (without password), your memberships, what regions recorded about you under your e-mail address, invitations and e-mail to you, and on how many devices you are signed in.",
    exportLink: "Download my data (JSON)",
    exportFileName: "learning-region-my-data.json",
    eraseTitle: "Erase my account",
    eraseIntro:
      "Your account, your memberships, invitations and e-mail to you are deleted. Regions that have you as a person in their network keep only an anonymous row, without name, e-mail address and expertise, so that their counts stay right. This cannot be undone.",
    confirmEmail: "Type your e-mail address to confirm",
    erasePassword: "Your password",
    eraseButton: "Erase my account for good",
    eraseConfirmMismatch: "This is not your account's e-mail address. Type it exactly.",
    eraseLastAdmin:
      "You are the only admin of {{regions}}. Make someone else an admin first (under Members and roles); then you can erase your account.",
    eraseLastPlatformAdmin:
      "You are the only platform administrator. Without you nobody can create regions; make someone else a platform administrator first.",
    erasedTitle: "Your account has been erased",
    erasedText:
      "Your account and the data that belonged to it have been erased, and you have been signed out. Thank you for taking part.",
  },
  emailVerification: {
    mailSubject: "Confirm your e-mail address for Lerende Regio",
    mailBody:
      "Confirm through this link that this e-mail address is yours (valid for {{hours}} hours):\n{{link}}\n\nAfterwards the platform also includes what regions you are not a member of recorded with this address when you download your data or erase your account. Did you not create an account? Then you need not do anything.",
    title: "Confirm your e-mail address",
    intro: "Confirm that {{email}} is your e-mail address.",
    confirm: "Yes, this is my e-mail address",
    invalid:
      "This confirmation link is invalid, already used or expired. Ask for a new one on your account page.",
    done: "Your e-mail address is confirmed.",
    notVerified:
      "Your e-mail address is not confirmed yet. Until it is, ‘my data’ and erasing your account include only what belongs to your account and your own regions, not what other regions recorded with this address.",
    send: "Send a confirmation link",
    sent: "We sent a confirmation link to {{email}}.",
    notSent: "A link was sent a moment ago. Check your mailbox, or try again in a few minutes.",
    toAccount: "To my account",
  },
};
