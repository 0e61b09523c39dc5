import type { Setup } from '../../../../shared/contract/setup.js';
import { CopyButton } from '../../components/CopyButton.js';
import { inForce } from '../../lib/overrides.js';

/** impact.com must reach the receiver from the internet: three ways, with this machine's real port. */
export function ExposeInstructions({ setup }: { setup: Setup }) {
  const port = setup.receiverPort;
  const hostOverride = inForce(setup, 'receiver.host');
  const portOverride = inForce(setup, 'receiver.port');
  const host = hostOverride ? String(hostOverride.value) : setup.receiverHost;
  const path = pathOf(setup.postbackUrl);
  const cloudflared = `cloudflared tunnel --url http://localhost:${port}`;
  const ngrok = `ngrok http ${port}`;
  const loopbackOnly = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const setBy = [
    hostOverride ? { what: 'host', by: hostOverride.setBy } : null,
    portOverride ? { what: 'port', by: portOverride.setBy } : null,
  ].filter((item) => item !== null);
  return (
    <div className="expose">
      <p data-testid="receiver-in-use">
        The receiver listens on{' '}
        <code>
          {host}:{port}
        </code>
        {setBy.length > 0 ? (
          <>
            {' ('}
            {setBy.map((item, index) => (
              <span key={item.what}>
                {index > 0 ? ', ' : ''}
                {item.what} set by <code className="setting-source">{item.by}</code>
              </span>
            ))}
            )
          </>
        ) : null}
        . Expose that port with one of these, then give impact.com the public address the tool prints, followed by{' '}
        <code>{path}</code>.
      </p>
      <h3>Cloudflare Tunnel (free, no account needed for a quick tunnel)</h3>
      <div className="copy-line">
        <code>{cloudflared}</code>
        <CopyButton text={cloudflared} label="Copy the cloudflared command" />
      </div>
      <h3>ngrok</h3>
      <div className="copy-line">
        <code>{ngrok}</code>
        <CopyButton text={ngrok} label="Copy the ngrok command" />
      </div>
      <h3>Port forwarding</h3>
      <p>
        Forward TCP port {port} on your router to this computer, and use{' '}
        <code>
          http://your-public-ip:{port}
          {path}
        </code>
        .{' '}
        {loopbackOnly
          ? `The receiver listens on ${host} only: set its host to 0.0.0.0 in Settings and restart, or the router cannot reach it.`
          : `The receiver listens on ${host}.`}{' '}
        A tunnel is safer: it gives you HTTPS and opens no port.
      </p>
    </div>
  );
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
