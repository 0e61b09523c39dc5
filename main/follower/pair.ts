// Pairing this desktop with a hub: the link's one-time code is traded for a device token, over TLS pinned to the
// link's fingerprint, so the code never reaches a server that is not the hub.
import { z } from 'zod';
import { errorMessageOf } from '../../shared/contract/http.js';
import { PAIR_PATH } from '../../shared/contract/routes.js';
import { parsePairingLink } from '../engine/index.js';
import { createHubTransport } from './hub-transport.js';

export interface HubPairing {
  hubUrl: string;
  /** null: the hub is checked against the usual certificate authorities (behind a TLS proxy) */
  fingerprint: string | null;
  deviceId: string;
  /** keep it like a password (the desktop face: Electron's safeStorage) */
  token: string;
}

export interface PairDeps {
  timeoutMs?: number;
}

const WRONG_CODE = 'The hub did not accept this pairing code: it is wrong, used or expired. Ask for a new one.';
const pairAnswerSchema = z.looseObject({ deviceId: z.string().min(1), token: z.string().min(20) });

/**
 * Throws PairingLinkError for a bad link, HubRefusedError when the hub shows another certificate, and an Error with
 * the hub's reason for a wrong/used/expired code (401) or too many attempts (429).
 */
export async function pairWithHub(linkText: string, deviceName: string, deps: PairDeps = {}): Promise<HubPairing> {
  const link = parsePairingLink(linkText);
  const transport = createHubTransport({
    hubUrl: link.hubUrl,
    fingerprint: link.fingerprint,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  });
  try {
    const answer = await transport.request({
      method: 'POST',
      path: PAIR_PATH,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: link.code, name: deviceName }),
    });
    if (answer.status === 429) {
      const wait = Number(answer.headers['retry-after']);
      const when = Number.isFinite(wait) && wait > 0 ? `in ${wait} s` : 'in a minute';
      throw new Error(`Too many wrong pairing codes from this address. Try again ${when}.`);
    }
    if (answer.status !== 200) throw new Error(errorMessageOf(answer, WRONG_CODE));
    const parsed = pairAnswerSchema.safeParse(safeJson(answer.body));
    if (!parsed.success) throw new Error('The hub answered the pairing with something this app does not understand.');
    return {
      hubUrl: link.hubUrl,
      fingerprint: link.fingerprint,
      deviceId: parsed.data.deviceId,
      token: parsed.data.token,
    };
  } finally {
    transport.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
