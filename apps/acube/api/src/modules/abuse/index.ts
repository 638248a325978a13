// What other modules may use of the abuse guards: installing them, the bot check a public form
// route asks for (its header schema and preHandler), and the mail cap its use case counts with.
export { type AbuseGuardOptions, installAbuseGuards, requireBotCheck } from './abuse.module.ts';
export { BotCheckChallenge, BotCheckHeaders } from './abuse.schemas.ts';
export { type AbuseSettings, abuseSettings, abuseSettingsFrom } from './abuse.settings.ts';
export type { BotCheck, Challenge } from './bot-check.ts';
export { type MailAbout, type PublicFormMail, PublicMailCap } from './public-mail-cap.ts';
