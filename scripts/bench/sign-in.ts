/**
 * A sign-in over plain HTTP, as a browser outside WeCom makes it: the app's page (302 to
 * the QR login with a state cookie), the mock's login page with an identity preselected
 * (302 back with a code), the callback (303 with the session cookie). Only the callback is
 * timed: it is the app's part of signing in.
 */
export interface SignedIn {
  /** `name=value` as a browser sends it back. */
  cookie: string;
  /** The session cookie's value, in bytes. */
  sessionBytes: number;
  /** The whole Set-Cookie header the callback sent for the session. */
  setCookieBytes: number;
  callbackMs: number;
}

const SESSION_COOKIE = 'wecom_portal_session';
const STATE_COOKIE = 'wecom_portal_login';

export async function signIn(startAt: string, finishAt: string = startAt): Promise<SignedIn> {
  const entry = await fetch(`${startAt}/`, { redirect: 'manual' });
  await entry.body?.cancel();
  const state = setCookie(entry, STATE_COOKIE);
  const login = entry.headers.get('location');
  if (entry.status !== 302 || !state || !login) throw new Error(`GET / answered ${entry.status} without a redirect to the login page`);

  const wecom = await fetch(login, { redirect: 'manual' });
  await wecom.body?.cancel();
  const back = wecom.headers.get('location');
  if (wecom.status !== 302 || !back) throw new Error(`the mock login page answered ${wecom.status} without a code (is an identity preselected?)`);

  const callback = new URL(back);
  const started = performance.now();
  const done = await fetch(`${finishAt}${callback.pathname}${callback.search}`, {
    redirect: 'manual',
    headers: { cookie: `${STATE_COOKIE}=${state.value}` },
  });
  await done.body?.cancel();
  const callbackMs = performance.now() - started;
  const session = setCookie(done, SESSION_COOKIE);
  if (done.status !== 303 || !session) throw new Error(`the callback answered ${done.status} without a session`);
  return {
    cookie: `${SESSION_COOKIE}=${session.value}`,
    sessionBytes: Buffer.byteLength(session.value),
    setCookieBytes: Buffer.byteLength(session.line),
    callbackMs,
  };
}

function setCookie(response: Response, name: string): { value: string; line: string } | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair.startsWith(`${name}=`)) return { value: pair.slice(name.length + 1), line };
  }
  return undefined;
}

/** `count` sign-ins, `concurrency` at a time, the i-th starting on apps[i % n] and finishing on another. */
export async function signInBurst(apps: string[], count: number, concurrency = count): Promise<{ ok: number; failed: string[] }> {
  let next = 0;
  let ok = 0;
  const failed: string[] = [];
  await Promise.all(
    Array.from({ length: Math.min(count, concurrency) }, async () => {
      while (next < count) {
        const i = next++;
        try {
          await signIn(apps[i % apps.length], apps[Math.floor(i / apps.length) % apps.length]);
          ok++;
        } catch (error) {
          failed.push(String(error));
        }
      }
    }),
  );
  return { ok, failed };
}
