import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it when missing. Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium driven by playwright-core, with host names mapped to addresses inside the
 * browser (`{ 'review.example.test': '127.0.0.1' }`), so that a page is loaded as from any host
 * without touching /etc/hosts or DNS.
 */
export async function launchChromium(hosts: Readonly<Record<string, string>> = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  const rules = Object.entries(hosts).map(([host, address]) => `MAP ${host} ${address}`);
  const args = [...(rules.length ? [`--host-resolver-rules=${rules.join(',')}`] : []), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}
