// What `npm run serve` prints on start: where to send postbacks, where the UI is, what to paste into impact.com.
import type { Setup } from '../../shared/contract/setup.js';

export interface RemoteBanner {
  url: string;
  fingerprint: string | null;
}

export function banner(setup: Setup, uiUrl: string, remote: RemoteBanner | null = null): string {
  const header = setup.headerName ? `\n  HTTP Header: ${setup.headerName}: ${setup.headerValue}` : '';
  return `
Shelfwatch is running.

  Postback URL:  ${setup.postbackUrl}
  UI:            ${uiUrl}

In impact.com: Settings → Technical → Event Notifications → Product Data Change Events → Edit.
  Option A — HTTP method POST, Body Format JSON, URL = the postback URL, Body:
    ${setup.templates.jsonPost}
  Option B — HTTP method GET, URL:
    ${setup.templates.getUrl}${header}

The receiver listens on ${setup.receiverHost}:${setup.receiverPort}. To reach it from impact.com, expose it, e.g.
  cloudflared tunnel --url http://localhost:${setup.receiverPort}
  ngrok http ${setup.receiverPort}
and use the tunnel's https address in place of http://${setup.receiverHost}:${setup.receiverPort}.
${remote ? remoteLines(remote) : ''}Press Ctrl-C to stop.
`;
}

function remoteLines(remote: RemoteBanner): string {
  const pin = remote.fingerprint ? `\n  Certificate:   SHA-256 ${remote.fingerprint}` : '';
  return `
Devices follow this hub at ${remote.url}${pin}
  Add one in the UI: Settings → Devices → Add a device (a pairing link and code, valid 10 minutes).

`;
}
