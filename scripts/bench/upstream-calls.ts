import type { mockControl } from '@/mock/control-client';
import { countersDelta } from './stats';

type MockControl = ReturnType<typeof mockControl>;

/** The WeCom calls (by API, from the mock's counters) that `work` caused. */
export async function upstreamCallsOf(mock: MockControl, work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await mock.counters();
  await work();
  return countersDelta(await mock.counters(), before);
}

/** Members who can sign in and see their profile: in the visible range, active, of this corp. */
export async function visibleMembers(mockUrl: string): Promise<string[]> {
  const directory = (await (await fetch(`${mockUrl}/__mock/directory`)).json()) as {
    members: { userid: string; status: number; visible: boolean }[];
  };
  return directory.members.filter((m) => m.visible && m.status === 1 && !m.userid.includes('/')).map((m) => m.userid);
}

/** A profile page view with a session cookie; it must render the profile. */
export async function viewProfile(appUrl: string, cookie: string): Promise<void> {
  const page = await fetch(`${appUrl}/`, { headers: { cookie }, redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200 || !html.includes('data-testid="profile"')) throw new Error(`the profile page answered ${page.status}`);
}
