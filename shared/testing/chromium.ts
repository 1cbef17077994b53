import { existsSync } from 'node:fs';

/** Debian's Chromium (CI installs it), or the one CHROMIUM_PATH names; undefined when there is none. The page tests and the bench's page phase both launch it. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path));
}

/** The flags the page tests launch Chromium with: headless, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the page tests launch Chromium with: the one found (Playwright's own when none), and the flags above. */
export function chromiumLaunch(): { executablePath?: string; args: string[] } {
  const executablePath = findChromium();
  return { ...(executablePath === undefined ? {} : { executablePath }), args: CHROMIUM_ARGS };
}
