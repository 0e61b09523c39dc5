// The services' own web-hook hosts: how a pasted https:// address is known to be Slack, Discord or Teams. The engine
// reads channel URLs with them (main/engine/channels/parse-web-url.ts); the Settings view picks its help by them.
export const SLACK_HOSTS: readonly string[] = ['hooks.slack.com'];
export const DISCORD_HOSTS: readonly string[] = [
  'discord.com',
  'discordapp.com',
  'ptb.discord.com',
  'canary.discord.com',
];
/** Power Automate's hosts for "When a Teams webhook request is received", and the older Office 365 connectors */
export const TEAMS_HOST = /(^|\.)(logic\.azure\.com|powerplatform\.com|powerautomate\.com|webhook\.office\.com)$/i;
