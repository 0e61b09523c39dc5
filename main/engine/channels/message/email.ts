// E-mail: a subject, a plain-text part and a simple HTML part (tables and inline styles only: mail clients ignore
// style sheets). nodemailer sends it (deliver/smtp.ts).
import type { AlertItem } from './alert-item.js';
import { escapeHtml } from './escape-html.js';
import {
  changeOf,
  detailsOf,
  moreText,
  type OutgoingMessage,
  type RenderContext,
  shownItems,
  testText,
  titleOf,
} from './outgoing.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

function textItem(item: AlertItem, context: RenderContext): string {
  const links = [item.url, context.productLink(item.key)].filter(Boolean).map((url) => `  ${url}`);
  return [`${item.name}: ${changeOf(item)}`, `  ${detailsOf(item)}`, ...links].join('\n');
}

function htmlItem(item: AlertItem, context: RenderContext): string {
  const name = item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.name)}</a>` : escapeHtml(item.name);
  const more = context.productLink(item.key);
  const open = more ? ` · <a href="${escapeHtml(more)}">Open in Shelfwatch</a>` : '';
  return `<tr><td style="padding:8px 0;border-top:1px solid #ddd"><strong>${name}</strong>: ${escapeHtml(changeOf(item))}<br><span style="color:#555;font-size:13px">${escapeHtml(detailsOf(item))}${open}</span></td></tr>`;
}

export function emailContent(message: OutgoingMessage, context: RenderContext): EmailContent {
  const subject = titleOf(message);
  if (message.type === 'test') {
    const sentence = testText(message);
    return { subject, text: sentence, html: `<p>${escapeHtml(sentence)}</p>` };
  }
  const items = shownItems(message);
  const more = moreText(message);
  const text = [...items.map((item) => textItem(item, context)), more ?? ''].filter(Boolean).join('\n\n');
  const rows = items.map((item) => htmlItem(item, context)).join('');
  const footer = more ? `<p style="color:#555">${escapeHtml(more)}</p>` : '';
  const html = `<div style="font-family:sans-serif;max-width:640px"><h2 style="font-size:18px">${escapeHtml(subject)}</h2><table style="border-collapse:collapse;width:100%">${rows}</table>${footer}<p style="color:#888;font-size:12px">Sent by Shelfwatch for the channel “${escapeHtml(message.channel.name)}”.</p></div>`;
  return { subject, text: `${text}\n\n-- \nSent by Shelfwatch for the channel “${message.channel.name}”.`, html };
}
