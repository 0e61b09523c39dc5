// The URL impact.com posts to: the public one when the user exposes the receiver (a tunnel), else the local address.
export function postbackUrl(publicUrl: string | undefined, host: string, port: number, secret: string): string {
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}/postback/${secret}`;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}/postback/${secret}`;
}
