// What `npm run serve` prints on start: where to send postbacks, where the UI is, what to paste into impact.com.
import type { Setup } from '../../shared/api.js';

export function banner(setup: Setup, uiUrl: string): string {
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
Press Ctrl-C to stop.
`;
}
