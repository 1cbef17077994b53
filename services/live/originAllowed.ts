const defaultPort = (protocol: string) => (protocol === 'https:' || protocol === 'wss:' ? '443' : '80');

/**
 * Whether a handshake's Origin may open a socket: guards against cross-site websocket hijacking.
 * No Origin header means a non-browser client (browsers always send one), which is allowed.
 * Without an allow-list, the origin must name the host the request was sent to (Host header);
 * the scheme is not compared, as a TLS-terminating proxy hides it.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[] | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, file://) and garbage
  }
  if (allowedOrigins !== undefined) return allowedOrigins.includes('*') || allowedOrigins.includes(url.origin);
  if (host === undefined) return false;
  let hostUrl: URL;
  try {
    hostUrl = new URL(`http://${host}`);
  } catch {
    return false;
  }
  const originPort = url.port || defaultPort(url.protocol);
  const hostPort = hostUrl.port || defaultPort(url.protocol);
  return url.hostname === hostUrl.hostname && originPort === hostPort;
}
