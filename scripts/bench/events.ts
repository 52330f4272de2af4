import type { mockControl } from '@/mock/control-client';
import { signIn } from './sign-in';
import { percentile } from './stats';

type MockControl = ReturnType<typeof mockControl>;

export interface EventsSetup {
  /** An instance with WECOM_CALLBACK_* set and a long DATA_CACHE_SECONDS. */
  appUrl: string;
  mock: MockControl;
  callback: { token: string; aesKey: string };
  member: string;
  samples: number;
}

/**
 * Event callbacks: how fast the app answers WeCom (the mock times each delivery, from its
 * request to the complete answer), and how long from a change in WeCom to a profile page
 * that shows it, although the profile is cached for far longer.
 */
export async function measureEvents(setup: EventsSetup) {
  const { appUrl, mock, member } = setup;
  await mock.reset({ keepTokens: true });
  await mock.configureCallback({ url: `${appUrl}/api/wecom/events`, ...setup.callback });

  // Distinct contact changes, one after another: each is a full delivery (decrypt, dedupe, drop, revoke check).
  const answered: number[] = [];
  for (let i = 0; i < setup.samples; i++) {
    const pushed = await mock.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_user', UserID: `bench-${i}-${Date.now()}` } });
    for (const delivery of pushed.deliveries) {
      if (delivery.status !== 200) throw new Error(`a delivery was answered ${delivery.status}`);
      answered.push(delivery.ms);
    }
  }

  // A change to what the signed-in member's page shows, then page views until it does.
  await mock.setIdentity({ userid: member });
  const { cookie } = await signIn(appUrl);
  await profileHtml(appUrl, cookie);
  const toFreshPage: number[] = [];
  const changes = Math.min(20, setup.samples);
  for (let i = 0; i < changes; i++) {
    const position = `基准职位 ${i} ${Date.now()}`;
    const started = performance.now();
    await mock.updateMember(member, { position });
    for (;;) {
      if ((await profileHtml(appUrl, cookie)).includes(position)) break;
      if (performance.now() - started > 10_000) throw new Error('the change did not show within 10 s');
    }
    toFreshPage.push(performance.now() - started);
  }

  return {
    deliveries: answered.length,
    answeredP50Ms: percentile(answered, 50),
    answeredP95Ms: percentile(answered, 95),
    changes,
    changeToFreshPageP50Ms: percentile(toFreshPage, 50),
    changeToFreshPageP95Ms: percentile(toFreshPage, 95),
  };
}

async function profileHtml(appUrl: string, cookie: string): Promise<string> {
  const page = await fetch(`${appUrl}/`, { headers: { cookie }, redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`the profile page answered ${page.status}`);
  return html;
}
