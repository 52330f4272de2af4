import { describe, expect, it } from 'vitest';
import { MOCK_APPS } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { isWeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const wecom = useMockWeCom();

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isWeComError(e) ? e : null));

describe('code exchange', () => {
  it('tells a member apart, with a user_ticket only under snsapi_privateinfo', async () => {
    const client = clientFor(wecom.url);
    const base = await client.exchangeCode(await wecom.control.issueCode({ userid: DEMO.withDot }));
    expect(base).toEqual({ type: 'member', userid: DEMO.withDot });
    const privateinfo = await client.exchangeCode(await wecom.control.issueCode({ userid: DEMO.withDot }, { scope: 'snsapi_privateinfo' }));
    expect(privateinfo.type === 'member' && privateinfo.userTicket).toBeTruthy();
  });

  it('tells a non-member (openid) apart', async () => {
    const identity = await clientFor(wecom.url).exchangeCode(await wecom.control.issueCode({ nonMember: true }));
    expect(identity).toMatchObject({ type: 'non_member', openid: DEMO.nonMemberOpenId });
  });

  it('splits a linked-corp userid into corp and user', async () => {
    const identity = await clientFor(wecom.url).exchangeCode(await wecom.control.issueCode({ userid: DEMO.linkedCorp }));
    expect(identity).toMatchObject({ type: 'member', userid: DEMO.linkedCorp, linkedCorpId: DEMO.linkedCorp.split('/')[0] });
  });

  it('accepts the legacy capitalised shape of user/getuserinfo', async () => {
    const client = clientFor(wecom.url);
    expect(await client.exchangeCodeLegacy(await wecom.control.issueCode({ userid: DEMO.ceo }))).toMatchObject({ type: 'member', userid: DEMO.ceo });
    expect(await client.exchangeCodeLegacy(await wecom.control.issueCode({ nonMember: true }))).toMatchObject({ type: 'non_member' });
  });

  it('a used code is code_invalid (40029), never retried', async () => {
    const client = clientFor(wecom.url);
    const code = await wecom.control.issueCode({ userid: DEMO.ceo });
    await client.exchangeCode(code);
    const error = await errorOf(client.exchangeCode(code));
    expect(error).toMatchObject({ kind: 'code_invalid', errcode: 40029 });
    expect(error?.message).not.toContain(code);
    expect((await wecom.control.counters())['/cgi-bin/auth/getuserinfo']).toBe(2);
  });

  it("a code issued for another app is refused", async () => {
    const code = await wecom.control.issueCode({ userid: DEMO.ceo }, { agentId: MOCK_APPS[1].agentId });
    expect(await errorOf(clientFor(wecom.url).exchangeCode(code))).toMatchObject({ kind: 'code_invalid' });
  });
});

describe('profile and directory', () => {
  it('post-2022: withheld fields are absent, not empty; extra keys pass through', async () => {
    const user = await clientFor(wecom.url).getUser(DEMO.engineer);
    for (const field of ['mobile', 'email', 'avatar', 'gender', 'biz_mail', 'qr_code', 'address', 'thumb_avatar']) {
      expect(field in user, field).toBe(false);
    }
    expect(user.name).toBeTruthy();
    expect((user as Record<string, unknown>).english_name ?? (user as Record<string, unknown>).enable).toBeDefined();
    expect(user.extattr?.attrs.map((a) => a.type).sort()).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it('legacy privacy mode: the fields come back', async () => {
    await wecom.control.settings({ privacy: 'legacy' });
    const user = await clientFor(wecom.url).getUser(DEMO.engineer);
    expect(user.mobile).toMatch(/^1\d{10}$/);
    expect(user.email).toContain('@');
  });

  it('getuserdetail gives consented fields for a privateinfo ticket', async () => {
    const client = clientFor(wecom.url);
    const identity = await client.exchangeCode(await wecom.control.issueCode({ userid: DEMO.engineer }, { scope: 'snsapi_privateinfo' }));
    if (identity.type !== 'member' || !identity.userTicket) throw new Error('no ticket');
    const detail = await client.getUserDetail(identity.userTicket);
    expect(detail.userid).toBe(DEMO.engineer);
    expect(detail.mobile).toMatch(/^1\d{10}$/);
  });

  it('unknown userid is not_found (60111), outside the visible range not_visible (60011)', async () => {
    const client = clientFor(wecom.url);
    expect(await errorOf(client.getUser('nobody-here'))).toMatchObject({ kind: 'not_found', errcode: 60111 });
    expect(await errorOf(client.getUser(DEMO.outsideRange))).toMatchObject({ kind: 'not_visible', errcode: 60011 });
  });

  it('lists departments with names, members, and a tag', async () => {
    const client = clientFor(wecom.url);
    const departments = await client.listDepartments();
    expect(departments.find((d) => d.id === 1)?.parentid).toBe(0);
    expect(departments.length).toBeGreaterThanOrEqual(8);
    const all = await client.listDepartmentMembers(1, true);
    expect(all.map((u) => u.userid)).toEqual(expect.arrayContaining([DEMO.ceo, DEMO.withAt]));
    expect(all.map((u) => u.userid)).not.toContain(DEMO.outsideRange);
    const tag = await client.getTag(1);
    expect(tag.userlist.map((u) => u.userid).sort()).toEqual([...DEMO.admins].sort());
  });

  it('mini-program code becomes a userid and session key; reuse is 40029', async () => {
    const client = clientFor(wecom.url);
    const code = await wecom.control.miniProgramCode(DEMO.withDash);
    const session = await client.miniProgramSession(code);
    expect(session.userid).toBe(DEMO.withDash);
    expect(session.sessionKey.length).toBeGreaterThan(10);
    expect(await errorOf(client.miniProgramSession(code))).toMatchObject({ kind: 'code_invalid', errcode: 40029 });
  });

  it('JS-SDK tickets are cached like the token', async () => {
    const client = clientFor(wecom.url);
    const first = await client.jsapiTicket.get();
    expect(await client.jsapiTicket.get()).toBe(first);
    expect(await client.agentTicket.get()).not.toBe(first);
    const counters = await wecom.control.counters();
    expect(counters['/cgi-bin/get_jsapi_ticket']).toBe(1);
    expect(counters['/cgi-bin/ticket/get']).toBe(1);
  });
});
