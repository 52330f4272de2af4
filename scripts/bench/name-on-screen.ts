import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '@/e2e/support/chromium';
import { WECOM_PHONE_UA } from '@/e2e/support/fixtures';
import type { mockControl } from '@/mock/control-client';
import { percentile } from './stats';

/**
 * "Name on screen" in a real browser (Chromium, a phone in the WeCom client): how long after
 * the navigation starts the words a person came for are painted. Three kinds of load, in
 * the same run, so their ratios hold whatever the machine:
 * - the plain signed-out page (its heading): what a page with no data costs;
 * - a repeat view of one's profile with WeCom's answers cached (the member's name);
 * - opening the app in WeCom with no session: the redirect through WeCom's authorize URL,
 *   the callback and the profile (the member's name).
 *
 * The time is taken in the page: a script added before any of the page's own records
 * performance.now() at the first animation frame after the element is laid out, so
 * no polling from outside adds to it. performance.now() counts from the start of the
 * navigation, redirects included.
 */
export interface NameOnScreen {
  loads: number;
  signedOutP50Ms: number;
  signedOutP95Ms: number;
  cachedProfileP50Ms: number;
  cachedProfileP95Ms: number;
  inAppSignInP50Ms: number;
  inAppSignInP95Ms: number;
  /** p95 over the signed-out page's p95. */
  cachedProfileRatio: number;
  inAppSignInRatio: number;
  /** Loads of the profile whose first paint showed the loading skeleton instead of the member. */
  skeletonShown: number;
}

const MARK = '__nameOnScreenMs';
const SKELETON = '__skeletonShown';

/**
 * Runs in every document before its own scripts: notes when `selector` first reaches the
 * screen, and whether a loading skeleton (aria-busy) was in the document before it. A string,
 * not a function: tsx would wrap a named function in a helper the page does not have.
 */
const watchFor = (selector: string) => `(() => {
  const selector = ${JSON.stringify(selector)};
  const check = () => {
    if (window.${SKELETON} === undefined && document.querySelector('[aria-busy="true"]')) window.${SKELETON} = true;
    const element = document.querySelector(selector);
    // In the document is not on screen: streamed content waits in a hidden container first.
    if (window.${MARK} !== undefined || !element || element.getClientRects().length === 0) return false;
    requestAnimationFrame(() => { window.${MARK} = performance.now(); });
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function timeLoad(context: BrowserContext, url: string, selector: string): Promise<{ ms: number; skeleton: boolean }> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchFor(selector));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction((mark) => (window as unknown as Record<string, number>)[mark], MARK, { timeout: 30_000 });
    const ms = (await handle.jsonValue()) as number;
    const skeleton = await page.evaluate((mark) => Boolean((window as unknown as Record<string, boolean>)[mark]), SKELETON);
    return { ms, skeleton };
  } finally {
    await page.close();
  }
}

const phone = { userAgent: WECOM_PHONE_UA, viewport: { width: 390, height: 844 }, locale: 'zh-CN' };
const NAME = '[data-testid="profile-name"]';
const WARM_UP = 3;

export async function measureNameOnScreen(options: { appUrl: string; mock: ReturnType<typeof mockControl>; member: string; loads: number }): Promise<NameOnScreen> {
  const { appUrl, mock, member, loads } = options;
  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  try {
    await mock.setIdentity({ userid: member });
    const signedOutContext = await browser.newContext(phone);
    const signedInContext = await browser.newContext(phone);

    // Warm-up: the browser's and the server's first loads compile code; they are not counted.
    const signedOut = [];
    const cached = [];
    for (let i = 0; i < WARM_UP + loads; i++) {
      const plain = await timeLoad(signedOutContext, `${appUrl}/signed-out`, '[data-testid="signed-out"] h1');
      // The first profile load signs in (and fills the caches); later ones are repeat views.
      const profile = await timeLoad(signedInContext, `${appUrl}/`, NAME);
      if (i >= WARM_UP) {
        signedOut.push(plain.ms);
        cached.push(profile);
      }
    }

    const inApp = [];
    for (let i = 0; i < WARM_UP + loads; i++) {
      // A fresh WeCom web view: no session, so the app goes through WeCom's authorize URL.
      const context = await browser.newContext(phone);
      const load = await timeLoad(context, `${appUrl}/`, NAME);
      await context.close();
      if (i >= WARM_UP) inApp.push(load.ms);
    }

    const base = percentile(signedOut, 95);
    const cachedMs = cached.map((c) => c.ms);
    return {
      loads,
      signedOutP50Ms: percentile(signedOut, 50),
      signedOutP95Ms: base,
      cachedProfileP50Ms: percentile(cachedMs, 50),
      cachedProfileP95Ms: percentile(cachedMs, 95),
      inAppSignInP50Ms: percentile(inApp, 50),
      inAppSignInP95Ms: percentile(inApp, 95),
      cachedProfileRatio: Math.round((percentile(cachedMs, 95) / base) * 100) / 100,
      inAppSignInRatio: Math.round((percentile(inApp, 95) / base) * 100) / 100,
      skeletonShown: cached.filter((c) => c.skeleton).length,
    };
  } finally {
    await browser.close();
  }
}
