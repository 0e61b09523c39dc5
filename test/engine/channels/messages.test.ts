import { describe, expect, it } from 'vitest';
import { discordPayload } from '../../../main/engine/channels/message/discord.js';
import { emailContent } from '../../../main/engine/channels/message/email.js';
import { ntfyPayload } from '../../../main/engine/channels/message/ntfy.js';
import { slackPayload } from '../../../main/engine/channels/message/slack.js';
import { teamsPayload } from '../../../main/engine/channels/message/teams.js';
import { telegramText } from '../../../main/engine/channels/message/telegram.js';
import { webhookPayload } from '../../../main/engine/channels/message/webhook.js';
import { hubLinks, noLinks, sampleItem, sampleMessage } from './sample-message.js';

describe('channel messages people read', () => {
  it('one alert: the product, what changed, the rule, the tracking link and a link into the hub', () => {
    const message = sampleMessage(1);
    const slack = JSON.stringify(slackPayload(message, hubLinks));
    expect(slack).toContain('Acme Toaster 1: $39.99 → $34.99 (−12.5%)');
    expect(slack).toContain('<https://acme.example/p/1?irclickid=abc|Acme Toaster 1>');
    expect(slack).toContain('Acme · Price drops ≥ 10% · $34.99 · In stock');
    expect(slack).toContain('https://hub.example:8789/#/product/24836%3AACME-TB-1|Open in Shelfwatch');
    const email = emailContent(message, hubLinks);
    expect(email.subject).toBe('Acme Toaster 1: $39.99 → $34.99 (−12.5%)');
    expect(email.text).toContain('https://acme.example/p/1?irclickid=abc');
    expect(email.html).toContain('<a href="https://acme.example/p/1?irclickid=abc">Acme Toaster 1</a>');
    const ntfy = ntfyPayload(message, hubLinks, 'shop');
    expect(ntfy).toMatchObject({ topic: 'shop', tags: ['chart_with_downwards_trend'] });
    expect(ntfy.click).toBe('https://hub.example:8789/#/product/24836%3AACME-TB-1');
    // without a hub there is no link into Shelfwatch: the tracking link is what a click opens
    expect(ntfyPayload(message, noLinks, 'shop').click).toBe('https://acme.example/p/1?irclickid=abc');
    expect(JSON.stringify(slackPayload(message, noLinks))).not.toContain('Open in Shelfwatch');
  });

  it('names the partner’s pages that link to the product, as text, in every service', () => {
    const pages = 'on 2 of your pages: <b>Best</b> tents 2026, Gift guide';
    const message = sampleMessage(1, { items: [sampleItem(1, { pages })] });
    const facts = 'Acme · Price drops ≥ 10% · $34.99 · In stock · on 2 of your pages:';
    expect(JSON.stringify(slackPayload(message, noLinks))).toContain(`${facts} &lt;b&gt;Best&lt;/b&gt; tents 2026`);
    expect(emailContent(message, noLinks).text).toContain(`${facts} <b>Best</b> tents 2026, Gift guide`);
    expect(emailContent(message, noLinks).html).toContain('&lt;b&gt;Best&lt;/b&gt; tents 2026');
    expect(telegramText(message, noLinks)).toContain('&lt;b&gt;Best&lt;/b&gt; tents 2026');
    expect(JSON.stringify(ntfyPayload(message, noLinks, 'shop'))).toContain('Gift guide');
    expect(JSON.stringify(discordPayload(message, noLinks))).toContain('Gift guide');
    expect(JSON.stringify(teamsPayload(message, noLinks))).toContain('Gift guide');
    expect(webhookPayload(message, noLinks, '2026-06-01T09:00:00Z').data.alerts).toMatchObject([{ pages }]);
  });

  it('a digest of 1,000 alerts lists the first ten and says how many more, in every service', () => {
    const message = sampleMessage(1000);
    const more = '…and 990 more alerts (see the feed in Shelfwatch)';
    const texts = [
      JSON.stringify(slackPayload(message, noLinks)),
      JSON.stringify(discordPayload(message, noLinks)),
      JSON.stringify(teamsPayload(message, noLinks)),
      telegramText(message, noLinks),
      Object.values(ntfyPayload(message, noLinks, 'shop')).join('\n'),
      Object.values(emailContent(message, noLinks)).join('\n'),
    ];
    for (const text of texts) {
      expect(text).toContain('1,000 Shelfwatch alerts');
      expect(text).toContain('Acme Toaster 10');
      expect(text).not.toContain('Acme Toaster 11');
      expect(text).toContain(more);
    }
    // the webhook gets every alert the message kept, and the count of the rest
    const webhook = webhookPayload(message, noLinks, '2026-06-01T10:01:00.000Z');
    expect(webhook.data).toMatchObject({ total: 1000, omitted: 950 });
    expect((webhook.data.alerts as unknown[]).length).toBe(50);
  });

  it('a product name shows as typed: no markup, no mention, no broken link in any service', () => {
    const name = '<b>Evil</b> & *bold* [x](y) @everyone | pipe';
    const message = sampleMessage(1, { items: [sampleItem(1, { name, message: `${name}: back in stock` })] });
    const slack = JSON.stringify(slackPayload(message, noLinks));
    expect(slack).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; *bold* [x](y) @everyone ¦ pipe>');
    const discord = discordPayload(message, noLinks);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(discord)).toContain('\\\\[x\\\\]\\\\(y\\\\)');
    const telegram = telegramText(message, noLinks);
    expect(telegram).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; *bold*');
    expect(telegram).not.toContain('<b>Evil');
    expect(emailContent(message, noLinks).html).not.toContain('<b>Evil');
  });

  it('Telegram stays within its 4,096 characters, cutting whole items and counting the rest', () => {
    const long = 'x'.repeat(900);
    const items = Array.from({ length: 10 }, (_, i) =>
      sampleItem(i + 1, { name: `${long}${i}`, message: `${long}${i}: up` }),
    );
    const text = telegramText(sampleMessage(10, { items }), noLinks);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toMatch(/…and \d more alerts/);
  });

  it('a Teams message is an Adaptive Card in a message, as Workflows expects', () => {
    const payload = teamsPayload(sampleMessage(2), hubLinks) as {
      type: string;
      attachments: { contentType: string; content: { type: string; version: string; body: unknown[] } }[];
    };
    expect(payload.type).toBe('message');
    const [attachment] = payload.attachments;
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(JSON.stringify(attachment?.content.body)).toContain('Open in Shelfwatch');
  });

  it('a test message says the channel works, in every service', () => {
    const message = sampleMessage(0, { type: 'test', items: [] });
    for (const text of [
      JSON.stringify(slackPayload(message, noLinks)),
      JSON.stringify(discordPayload(message, noLinks)),
      telegramText(message, noLinks),
      emailContent(message, noLinks).text,
    ]) {
      expect(text).toContain('This channel works: Shelfwatch alerts for “Team alerts” will arrive here.');
    }
    expect(webhookPayload(message, noLinks, '2026-06-01T10:00:00.000Z').type).toBe('channel.test');
  });
});
