// The services' own web-hook addresses, as each service's settings page shows them: a Slack incoming web hook, a
// Discord channel web hook, a Teams Workflows web hook (and Apprise's workflows://host/workflow/signature for it).
import { DISCORD_HOSTS, SLACK_HOSTS, TEAMS_HOST } from '../../../shared/domain/channel-hosts.js';
import type { ChannelAddress } from './address.js';
import { authorityOf, ChannelUrlError, hostAndPort, type UrlParts } from './url-parts.js';

export function parseWebUrl(parts: UrlParts): ChannelAddress {
  if (parts.scheme === 'workflows' || parts.scheme === 'workflow') return appriseWorkflow(parts);
  const { host, port } = hostAndPort(parts.authority);
  const hostName = host.toLowerCase();
  const known =
    SLACK_HOSTS.includes(hostName) ||
    DISCORD_HOSTS.includes(hostName) ||
    TEAMS_HOST.test(hostName) ||
    isWorkflow(parts);
  if (!known) {
    throw new ChannelUrlError(
      `${hostName} is not a Slack, Discord or Teams web-hook address; for your own endpoint use json://${authorityOf({ host, port })}/… (or jsons:// for https)`,
    );
  }
  if (parts.scheme !== 'https') throw new ChannelUrlError(`${hostName} addresses start with https://`);
  const [first, second, third, fourth, fifth] = parts.segments;
  if (SLACK_HOSTS.includes(hostName)) {
    if (first !== 'services' || !third || !fourth || fifth !== undefined) {
      throw new ChannelUrlError('a Slack web hook looks like https://hooks.slack.com/services/T…/B…/…');
    }
    return { kind: 'slack', tokens: [second ?? '', third, fourth] };
  }
  if (DISCORD_HOSTS.includes(hostName)) {
    if (first !== 'api' || second !== 'webhooks' || !third || !fourth) {
      throw new ChannelUrlError('a Discord web hook looks like https://discord.com/api/webhooks/123…/…');
    }
    return { kind: 'discord', webhookId: third ?? '', webhookToken: fourth };
  }
  const path = parts.segments.map(encodeURIComponent).join('/');
  const query = parts.query.toString();
  return { kind: 'teams', url: `https://${authorityOf({ host, port })}/${path}${query ? `?${query}` : ''}` };
}

/** A Power Automate trigger on another host (a tenant's own domain, a relay): a workflows path, signed with `sig`. */
function isWorkflow(parts: UrlParts): boolean {
  return parts.segments.includes('workflows') && parts.query.has('sig');
}

/** Apprise: workflows://host[:port]/workflow/signature → the Power Automate address it stands for. */
function appriseWorkflow(parts: UrlParts): ChannelAddress {
  const { host, port } = hostAndPort(parts.authority);
  const [workflow, signature] = parts.segments;
  if (!workflow || !signature || parts.segments.length > 2) {
    throw new ChannelUrlError('a workflows:// URL is workflows://host/workflow/signature');
  }
  const query = new URLSearchParams({
    'api-version': parts.query.get('api-version') ?? '2016-06-01',
    sp: '/triggers/manual/run',
    sv: '1.0',
    sig: signature,
  });
  const path = `/workflows/${encodeURIComponent(workflow)}/triggers/manual/paths/invoke`;
  return { kind: 'teams', url: `https://${authorityOf({ host, port })}${path}?${query}` };
}
