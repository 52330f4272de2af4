import type { APIRequestContext } from '@playwright/test';
import { encrypt, getSignature } from '@wecom/crypto';
import { MOCK_CORP_ID } from '../mock/credentials';
import { DEMO } from '../mock/seed';
import { CALLBACK_AES_KEY, CALLBACK_TOKEN } from './support/callback-keys';
import { appLog, appUrl, expect, test } from './support/fixtures';
import { METRICS_TOKEN, sample } from './support/metrics';
import type { CallbackDelivery, mockControl } from '../mock/control-client';
import { bearerToken, callMe, signOutEverywhere, signedInBrowser } from './support/sign-in';

// The `events` instance caches WeCom's answers for 10 minutes: only the events can make a
// change show within seconds. Each test uses members of its own, as that cache outlives a test.
const EVENTS_URL = () => `${appUrl('events')}/api/wecom/events`;
const SOON = { timeout: 2000, intervals: [100, 200, 300] };

async function connectCallback(mock: ReturnType<typeof mockControl>) {
  const saved = await mock.configureCallback({ url: EVENTS_URL(), token: CALLBACK_TOKEN, aesKey: CALLBACK_AES_KEY });
  expect(saved.verified).toBe(true);
}

function expectAllAnsweredFast(deliveries: CallbackDelivery[], count: number) {
  expect(deliveries).toHaveLength(count);
  for (const delivery of deliveries) {
    expect(delivery, JSON.stringify(delivery)).toMatchObject({ status: 200, attempts: 1, delivered: true });
    expect(delivery.ms).toBeLessThan(1000);
  }
}

const adminMembers = (request: APIRequestContext, cookie: string, query = '') =>
  request.get(`${appUrl('events')}/api/admin/members${query}`, { headers: { cookie: `wecom_portal_session=${cookie}` }, maxRedirects: 0 });

/** A signed POST as WeCom sends it, with a body the test chooses. */
function signedPost(body: string, ciphertext: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = '1372623149';
  const query = new URLSearchParams({ msg_signature: getSignature(CALLBACK_TOKEN, timestamp, nonce, ciphertext), timestamp, nonce });
  return fetch(`${EVENTS_URL()}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A delivery as WeCom makes it: the event encrypted afresh (16 new random bytes), signed with
 * `timestamp` and a nonce of its own. Built here rather than pushed by the mock, so a test can
 * send one event twice in two encryptions, or one WeCom signed hours ago.
 */
function deliveryOf(fields: Record<string, string | number>, timestamp = nowSeconds()) {
  const xml = `<xml>${Object.entries(fields)
    .map(([name, value]) => (typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`))
    .join('')}</xml>`;
  const ciphertext = encrypt(CALLBACK_AES_KEY, xml, MOCK_CORP_ID);
  const nonce = String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
  const query = new URLSearchParams({ msg_signature: getSignature(CALLBACK_TOKEN, String(timestamp), nonce, ciphertext), timestamp: String(timestamp), nonce });
  return { url: `${EVENTS_URL()}?${query}`, body: envelopeOf(ciphertext) };
}
const send = (delivery: { url: string; body: string }) => fetch(delivery.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: delivery.body });
/** `unsubscribe` as the app's callback receives it when a member is disabled or leaves the visible range. */
const unsubscribeOf = (userid: string, createTime: number) => ({
  ToUserName: MOCK_CORP_ID,
  FromUserName: userid,
  CreateTime: createTime,
  MsgType: 'event',
  Event: 'unsubscribe',
  AgentID: 1000002,
});

const staleRejections = async (request: APIRequestContext, step: 'url_check' | 'delivery') => {
  const scraped = await request.get(`${appUrl('events')}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scraped.status()).toBe(200);
  return sample(await scraped.text(), 'portal_events_rejected_total', { step, reason: 'timestamp_outside_window' });
};

const envelopeOf = (ciphertext: string) => `<xml><ToUserName><![CDATA[${MOCK_CORP_ID}]]></ToUserName><AgentID>1000002</AgentID><Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`;

test.describe('event callbacks', () => {
  test('WeCom\'s URL check gets the plaintext back; a forged check 401; without keys the route is 404', async ({ mock }) => {
    await connectCallback(mock);
    const now = String(nowSeconds());
    const echostr = encrypt(CALLBACK_AES_KEY, '1616140317555161061', MOCK_CORP_ID);
    const forged = new URLSearchParams({ msg_signature: 'a'.repeat(40), timestamp: now, nonce: '263014780', echostr });
    expect((await fetch(`${EVENTS_URL()}?${forged}`)).status).toBe(401);
    // Encrypted for another corp: the receive-id does not match.
    const foreign = encrypt(CALLBACK_AES_KEY, '1616140317555161061', 'wx5823bf96d3bd56c7');
    const query = new URLSearchParams({ msg_signature: getSignature(CALLBACK_TOKEN, now, '263014780', foreign), timestamp: now, nonce: '263014780', echostr: foreign });
    expect((await fetch(`${EVENTS_URL()}?${query}`)).status).toBe(400);
    expect((await fetch(`${appUrl('base')}/api/wecom/events?${forged}`)).status).toBe(404);
  });

  test('a URL check or an event signed more than 5 minutes from now is refused with 403 and counted', async ({ request, mock }) => {
    await connectCallback(mock);
    const [checksBefore, deliveriesBefore] = [await staleRejections(request, 'url_check'), await staleRejections(request, 'delivery')];
    const echostr = encrypt(CALLBACK_AES_KEY, '1616140317555161061', MOCK_CORP_ID);
    const urlCheck = (timestamp: number) =>
      fetch(`${EVENTS_URL()}?${new URLSearchParams({ msg_signature: getSignature(CALLBACK_TOKEN, String(timestamp), '263014780', echostr), timestamp: String(timestamp), nonce: '263014780', echostr })}`);

    // The epoch's first second, six minutes ago, six minutes ahead, the year 2100: all correctly signed.
    const outside = [1, nowSeconds() - 360, nowSeconds() + 360, 4_102_444_800];
    for (const timestamp of outside) {
      const check = await urlCheck(timestamp);
      expect(check.status, String(timestamp)).toBe(403);
      expect(await check.text()).not.toContain('1616140317555161061');
      expect((await send(deliveryOf(unsubscribeOf('lvping', timestamp), timestamp))).status, String(timestamp)).toBe(403);
    }
    // Within the window both work as before.
    const fresh = await urlCheck(nowSeconds() - 60);
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toBe('1616140317555161061');
    expect(await staleRejections(request, 'url_check')).toBe(checksBefore + outside.length);
    expect(await staleRejections(request, 'delivery')).toBe(deliveriesBefore + outside.length);
  });

  test('an older unsubscribe, delivered again in a new encryption, does not revive a cookie that "sign out on all devices" ended', async ({ browser, request, mock }) => {
    const member = 'jiajing';
    await connectCallback(mock);
    // WeCom reports the member left the visible range, a few seconds ago; then they are back and sign in.
    const unsubscribe = unsubscribeOf(member, nowSeconds() - 5);
    expect((await send(deliveryOf(unsubscribe))).status).toBe(200);
    const phone = await signedInBrowser(browser, mock, member, 'events');
    const copied = phone.cookie;
    expect((await callMe(request, 'events', { cookie: copied })).status()).toBe(200);

    await signOutEverywhere(phone.page);
    await expect(phone.page.getByTestId('signed-out')).toBeVisible();
    expect((await callMe(request, 'events', { cookie: copied })).status()).toBe(401);

    // WeCom's retry of the same event: the same CreateTime, encrypted and signed afresh.
    expect((await send(deliveryOf(unsubscribe))).status).toBe(200);
    const after = await callMe(request, 'events', { cookie: copied });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: 'session_revoked' });
    await phone.context.close();
  });

  test('an exact replay of an unsubscribe WeCom sent two hours ago (its dedupe key expired) is refused, and a copied cookie stays refused', async ({ browser, request, mock }) => {
    const member = 'suchang';
    await connectCallback(mock);
    // What someone captured on the wire two hours ago: query and body exactly as WeCom signed
    // them then. This instance has no dedupe key for it, as after HANDLED_EVENT_SECONDS.
    const twoHoursAgo = nowSeconds() - 7200;
    const captured = deliveryOf(unsubscribeOf(member, twoHoursAgo), twoHoursAgo);

    const phone = await signedInBrowser(browser, mock, member, 'events');
    const copied = phone.cookie;
    await signOutEverywhere(phone.page);
    await expect(phone.page.getByTestId('signed-out')).toBeVisible();
    expect((await callMe(request, 'events', { cookie: copied })).status()).toBe(401);

    const before = await staleRejections(request, 'delivery');
    expect((await send(captured)).status).toBe(403);
    expect(await staleRejections(request, 'delivery')).toBe(before + 1);
    expect((await callMe(request, 'events', { cookie: copied })).status()).toBe(401);
    await phone.context.close();
  });

  test('a member disabled in WeCom loses the browser session and the bearer token within 2 s', async ({ browser, request, mock }) => {
    const member = 'lin-feng';
    const phone = await signedInBrowser(browser, mock, member, 'events');
    const token = await bearerToken(request, mock, member, 'events');
    await connectCallback(mock);

    const change = await mock.updateMember(member, { status: 2 });
    expect(change.deliveries.every((d) => d.status === 200)).toBe(true);
    await expect.poll(async () => (await callMe(request, 'events', { cookie: phone.cookie })).status(), SOON).toBe(401);
    await expect.poll(async () => (await callMe(request, 'events', { bearer: token })).status(), SOON).toBe(401);

    // The open page: a fresh sign-in, then the explanation (WeCom still issues a code to a disabled member here).
    const response = await phone.page.reload();
    await expect(phone.page.getByTestId('member-inactive')).toBeVisible();
    expect(response?.status()).toBe(403);
    await expect(phone.page.getByTestId('member-inactive')).toContainText('星河智能科技有限公司');
    await phone.context.close();
  });

  test('a deleted member who was an admin by userid loses the admin pages and APIs at once', async ({ browser, request, mock }) => {
    const admin = 'hanxue';
    const session = await signedInBrowser(browser, mock, admin, 'events');
    expect((await adminMembers(request, session.cookie)).status()).toBe(200);
    await connectCallback(mock);

    const change = await mock.deleteMember(admin);
    expectAllAnsweredFast(change.deliveries, change.deliveries.length);
    await expect.poll(async () => (await adminMembers(request, session.cookie)).status(), SOON).toBe(401);
    const page = await session.page.goto(`${appUrl('events')}/admin`);
    expect(page?.status()).toBeGreaterThanOrEqual(400);
    await expect(session.page.getByTestId('member-list')).toHaveCount(0);
    await session.context.close();
  });

  test('an admin removed from the admin tag loses /admin within 2 s, and has it again when added back', async ({ browser, request, mock }) => {
    const admin = DEMO.itLead;
    const session = await signedInBrowser(browser, mock, admin, 'events');
    expect((await adminMembers(request, session.cookie)).status()).toBe(200);
    await connectCallback(mock);

    expectAllAnsweredFast((await mock.updateTag(1, { delUserids: [admin] })).deliveries, 1);
    await expect.poll(async () => (await adminMembers(request, session.cookie)).status(), SOON).toBe(403);
    await session.page.goto(`${appUrl('events')}/admin`);
    await expect(session.page.getByTestId('forbidden')).toBeVisible();
    // Still a member: the profile opens as before.
    expect((await callMe(request, 'events', { cookie: session.cookie })).status()).toBe(200);

    expectAllAnsweredFast((await mock.updateTag(1, { addUserids: [admin] })).deliveries, 1);
    await expect.poll(async () => (await adminMembers(request, session.cookie)).status(), SOON).toBe(200);
    await session.context.close();
  });

  test('a new position and a renamed department show within 2 s on the profile and in the directory', async ({ browser, request, mock }) => {
    const member = await signedInBrowser(browser, mock, 'machao', 'events');
    const admin = await signedInBrowser(browser, mock, DEMO.ceo, 'events');
    await expect(member.page.getByTestId('profile')).toContainText('数据库工程师');
    const directoryEntry = async () => {
      const answer = await adminMembers(request, admin.cookie, '?q=machao');
      return (await answer.json()).members[0] as { position: string; departmentNames: string[] };
    };
    expect((await directoryEntry()).position).toBe('数据库工程师');
    await connectCallback(mock);

    expectAllAnsweredFast((await mock.updateMember('machao', { position: '首席数据库工程师' })).deliveries, 1);
    await member.page.reload();
    await expect(member.page.getByTestId('profile')).toContainText('首席数据库工程师', SOON);
    await expect.poll(async () => (await directoryEntry()).position, SOON).toBe('首席数据库工程师');
    // A second change in the same second reads the same as the first (ids only): it is not a repeat.
    expectAllAnsweredFast((await mock.updateMember('machao', { position: '数据架构师' })).deliveries, 1);
    await member.page.reload();
    await expect(member.page.getByTestId('profile')).toContainText('数据架构师', SOON);

    expectAllAnsweredFast((await mock.updateDepartment(6, { name: '后端平台组' })).deliveries, 1);
    await member.page.reload();
    await expect(member.page.getByTestId('profile-departments')).toContainText('后端平台组', SOON);
    await expect.poll(async () => (await directoryEntry()).departmentNames, SOON).toContain('后端平台组');
    await Promise.all([member.context.close(), admin.context.close()]);
  });

  test('repeated deliveries and a burst of 20 events are all answered 200 within 1 s, each change applied once', async ({ mock }) => {
    await connectCallback(mock);
    const handledBefore = appLog('events').split('"event":"events.received"').length;
    const repeated = await mock.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_user', UserID: 'yujie' }, times: 5 });
    expectAllAnsweredFast(repeated.deliveries, 5);

    // Distinct changes sharing one CreateTime, pushed at once as WeCom does after a bulk import.
    const createTime = Math.floor(Date.now() / 1000);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mock.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_user', UserID: `burst-${i}`, CreateTime: createTime } }),
      ),
    );
    expectAllAnsweredFast(burst.flatMap((b) => b.deliveries), 20);
    // One repeated change counted once, the twenty distinct ones each once.
    await expect.poll(() => appLog('events').split('"event":"events.received"').length - handledBefore).toBe(21);
  });

  test('a bad signature, garbage, an XXE body and an oversized body are refused with 4xx, never 5xx', async ({ mock }) => {
    await mock.settings({ callbackRetryDelayMs: 0 });
    await connectCallback(mock);
    const ciphertext = encrypt(CALLBACK_AES_KEY, '<xml><Event>change_contact</Event><ChangeType>update_user</ChangeType><UserID>x</UserID></xml>', MOCK_CORP_ID);

    const badSignature = await fetch(`${EVENTS_URL()}?msg_signature=${'0'.repeat(40)}&timestamp=1409659813&nonce=1372623149`, {
      method: 'POST',
      body: envelopeOf(ciphertext),
    });
    expect(badSignature.status).toBe(401);
    expect((await signedPost('this is not XML at all', 'x')).status).toBe(400);
    // Signed, but the ciphertext is not AES output.
    expect((await signedPost(envelopeOf('AAAAbm90IGNpcGhlcnRleHQ='), 'AAAAbm90IGNpcGhlcnRleHQ=')).status).toBe(400);
    const xxeEnvelope = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>`;
    expect((await signedPost(xxeEnvelope, '&x;')).status).toBe(400);
    expect((await signedPost(`<xml><Encrypt>${'A'.repeat(100_000)}</Encrypt></xml>`, 'A'.repeat(100_000))).status).toBe(413);

    // Inside a correctly encrypted and signed delivery: an entity bomb and an external entity.
    for (const raw of [
      '<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Event>change_contact</Event><UserID>&b;</UserID></xml>',
      '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Event>change_contact</Event><UserID>&x;</UserID></xml>',
      '<xml><Event>change_contact</Event><UserID>unclosed</xml>',
    ]) {
      const pushed = await mock.pushEvent({ raw });
      for (const delivery of pushed.deliveries) {
        expect(delivery.status, raw).toBeGreaterThanOrEqual(400);
        expect(delivery.status, raw).toBeLessThan(500);
      }
    }
    expect(appLog('events')).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
    expect(appLog('events')).not.toContain('root:');
  });
});
