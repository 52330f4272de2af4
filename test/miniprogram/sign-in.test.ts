import { describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { DEMO } from '@/mock/seed';
import { memberStanding } from '@/lib/auth/member-standing';
import { unsealCredential } from '@/lib/auth/session-credential';
import { signInMiniProgramMember } from '@/lib/miniprogram/sign-in';
import { isWeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const config = { corpId: MOCK_CORP_ID, sessionSecret: 'a-test-session-secret-of-at-least-32-characters', sessionTtlSeconds: 7200 };

const wecom = useMockWeCom();
/** The member's standing as WeCom says it, read with the same client. */
const standingVia = (client: ReturnType<typeof clientFor>) => (userid: string) => memberStanding(() => client.getUser(userid));
const signIn = (client: Parameters<typeof signInMiniProgramMember>[0] & Partial<ReturnType<typeof clientFor>>, code: string) =>
  signInMiniProgramMember(client, code, config, standingVia(client as ReturnType<typeof clientFor>));

const kindOf = (promise: Promise<{ ok: boolean; inactive?: string }>) =>
  promise.then((r) => (r.ok ? 'signed in' : `inactive: ${r.inactive}`), (e: unknown) => (isWeComError(e) ? e.kind : String(e)));

describe('mini-program sign-in against the mock', () => {
  it('turns a code into a bearer token for that member, expiring after the session lifetime', async () => {
    const code = await wecom.control.miniProgramCode(DEMO.engineer);
    const client = clientFor(wecom.url);
    const result = await signInMiniProgramMember(client, code, config, standingVia(client), () => 1_700_000_000_000);
    if (!result.ok) throw new Error('expected a sign-in');
    expect(result.signIn.userid).toBe(DEMO.engineer);
    expect(result.signIn.expiresAt).toBe(1_700_000_000_000 + 7200 * 1000);
    expect(Object.keys(result.signIn).sort()).toEqual(['expiresAt', 'token', 'userid']);

    const again = await signIn(client, await wecom.control.miniProgramCode(DEMO.engineer));
    if (!again.ok) throw new Error('expected a sign-in');
    const fresh = again.signIn;
    const session = await unsealCredential({ kind: 'sealed', carrier: 'bearer', sealed: fresh.token }, config);
    expect(session).toMatchObject({ userid: DEMO.engineer, via: 'miniprogram' });
    expect(JSON.stringify(fresh)).not.toMatch(/session_key|sessionKey/);
  });

  it('refuses a code the second time (40029 → code_invalid)', async () => {
    const client = clientFor(wecom.url);
    const code = await wecom.control.miniProgramCode(DEMO.ceo);
    expect(await kindOf(signIn(client, code))).toBe('signed in');
    expect(await kindOf(signIn(client, code))).toBe('code_invalid');
    expect(await kindOf(signIn(client, 'never-issued'))).toBe('code_invalid');
  });

  it('refuses an expired code', async () => {
    const code = await wecom.control.miniProgramCode(DEMO.ceo);
    await wecom.control.advanceClock(301);
    expect(await kindOf(signIn(clientFor(wecom.url), code))).toBe('code_invalid');
  });

  it('refuses a member WeCom has disabled, or who left, without issuing a token', async () => {
    const client = clientFor(wecom.url);
    expect(await kindOf(signIn(client, await wecom.control.miniProgramCode(DEMO.disabled)))).toBe('inactive: disabled');
    expect(await kindOf(signIn(client, await wecom.control.miniProgramCode(DEMO.left)))).toBe('inactive: left');
    expect(await kindOf(signIn(client, await wecom.control.miniProgramCode(DEMO.outsideRange)))).toBe('inactive: not_visible');
  });

  it('refuses a member of another company', async () => {
    const client = { miniProgramSession: async () => ({ userid: 'someone', sessionKey: 'k', corpId: 'wwanothercorp' }) };
    expect(await kindOf(signIn(client, 'abc'))).toBe('not_visible');
  });
});
