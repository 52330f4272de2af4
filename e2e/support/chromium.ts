import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium to drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE when set, else a browser that
 * Playwright installed, else Debian's /usr/bin/chromium (Playwright's own download cannot
 * run here: there is no network but the package registries).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No Playwright-managed browser: fall through to the system one.
  }
  return '/usr/bin/chromium';
}

/** Quiet flags: no background traffic to hosts this machine cannot reach, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
