// Every kind of channel at once, for the server-face tests: a local fake of each service, a real SMTP server (STARTTLS
// with a certificate made for the test, and a log-in), the URL a user would paste for each, and the credentials in
// those URLs (which must never show up anywhere but the secret store).
import { ensureCertificate } from '../../main/engine/hub/certificate.js';
import { type FakeService, type FakeTarget, startFakeTarget } from '../fakes/channel-target.js';
import { type FakeSmtp, startFakeSmtp } from '../fakes/smtp.js';
import { makeTempDir } from '../helpers/temp-dir.js';

export const CREDENTIALS = {
  slack: 'xSlackC0123456789abcdefghij',
  discord: 'DiscordTok-0123456789abcdefghijklmnopqrstuvwxyz',
  telegram: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  teams: 'TeamsSig0123456789abcdefgh',
  ntfyPassword: 'ntfy-pass-0123456789',
  smtpPassword: 'smtp-pass-0123456789',
  webhookPath: 'hook-token-0123456789abcdef',
} as const;

export interface ChannelServices {
  targets: Record<FakeService, FakeTarget>;
  smtp: FakeSmtp;
  /** the server face's environment: where Slack, Discord, Telegram and Teams are */
  env: Record<string, string>;
  /** trust for the SMTP server's test certificate */
  smtpCa: string;
  /** the URL a user pastes, per kind */
  urls: Record<FakeService | 'email', string>;
  close(): Promise<void>;
}

export async function startChannelServices(): Promise<ChannelServices> {
  const kinds: FakeService[] = ['slack', 'discord', 'telegram', 'teams', 'ntfy', 'webhook'];
  const targets = Object.fromEntries(
    await Promise.all(kinds.map(async (kind) => [kind, await startFakeTarget(kind)] as const)),
  ) as Record<FakeService, FakeTarget>;
  const folder = makeTempDir();
  const certificate = await ensureCertificate(folder.dir, { hostname: 'localhost' });
  folder.remove();
  const smtp = await startFakeSmtp({
    tls: { cert: certificate.cert, key: certificate.key },
    login: { user: 'alerts@shop.example', password: CREDENTIALS.smtpPassword },
  });
  const hostOf = (kind: FakeService) => targets[kind].origin.slice('http://'.length);
  const c = CREDENTIALS;
  return {
    targets,
    smtp,
    smtpCa: certificate.cert,
    env: {
      SHELFWATCH_SLACK_BASE: targets.slack.origin,
      SHELFWATCH_DISCORD_BASE: targets.discord.origin,
      SHELFWATCH_TELEGRAM_BASE: targets.telegram.origin,
      SHELFWATCH_TEAMS_BASE: targets.teams.origin,
    },
    urls: {
      slack: `slack://T0123ABCD/B0456EFGH/${c.slack}`,
      discord: `https://discord.com/api/webhooks/112233445566778899/${c.discord}`,
      telegram: `tgram://${c.telegram}/-1001234567890`,
      teams: `https://prod-27.westus.logic.azure.com:443/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${c.teams}`,
      ntfy: `ntfy://shop:${c.ntfyPassword}@${hostOf('ntfy')}/shop-alerts`,
      email: `mailto://alerts%40shop.example:${c.smtpPassword}@localhost:${smtp.port}?to=editor@shop.example`,
      webhook: `json://${hostOf('webhook')}/in/${c.webhookPath}`,
    },
    async close() {
      await Promise.all([...Object.values(targets).map((target) => target.close()), smtp.close()]);
    },
  };
}
