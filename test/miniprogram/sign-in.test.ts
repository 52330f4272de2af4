import { describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/e2e/mock-qyapi/credentials';
import { DEMO } from '@/e2e/mock-qyapi/seed';
import { sessionFromBearer } from '@/lib/auth/bearer';
import { signInMiniProgramMember } from '@/lib/miniprogram/sign-in';
import { isWeComError } from '@/lib/wecom/errors';
import { clientFor } from '../support/client-under-test';
import { useMockWeCom } from '../support/use-mock';

const config = { corpId: MOCK_CORP_ID, sessionSecret: 'a-test-session-secret-of-at-least-32-characters', sessionTtlSeconds: 7200 };

const wecom = useMockWeCom();

const kindOf = (promise: Promise<unknown>) => promise.then(() => 'signed in', (e: unknown) => (isWeComError(e) ? e.kind : String(e)));

describe('mini-program sign-in against the mock', () => {
  it('turns a code into a bearer token for that member, expiring after the session lifetime', async () => {
    const code = await wecom.control.miniProgramCode(DEMO.engineer);
    const signIn = await signInMiniProgramMember(clientFor(wecom.url), code, config, () => 1_700_000_000_000);
    expect(signIn.userid).toBe(DEMO.engineer);
    expect(signIn.expiresAt).toBe(1_700_000_000_000 + 7200 * 1000);
    expect(Object.keys(signIn).sort()).toEqual(['expiresAt', 'token', 'userid']);

    const fresh = await signInMiniProgramMember(clientFor(wecom.url), await wecom.control.miniProgramCode(DEMO.engineer), config);
    const session = await sessionFromBearer(`Bearer ${fresh.token}`, config.sessionSecret, config.sessionTtlSeconds);
    expect(session).toMatchObject({ userid: DEMO.engineer, via: 'miniprogram' });
    expect(JSON.stringify(fresh)).not.toMatch(/session_key|sessionKey/);
  });

  it('refuses a code the second time (40029 → code_invalid)', async () => {
    const client = clientFor(wecom.url);
    const code = await wecom.control.miniProgramCode(DEMO.ceo);
    expect(await kindOf(signInMiniProgramMember(client, code, config))).toBe('signed in');
    expect(await kindOf(signInMiniProgramMember(client, code, config))).toBe('code_invalid');
    expect(await kindOf(signInMiniProgramMember(client, 'never-issued', config))).toBe('code_invalid');
  });

  it('refuses an expired code', async () => {
    const code = await wecom.control.miniProgramCode(DEMO.ceo);
    await wecom.control.advanceClock(301);
    expect(await kindOf(signInMiniProgramMember(clientFor(wecom.url), code, config))).toBe('code_invalid');
  });

  it('refuses a member of another company', async () => {
    const client = { miniProgramSession: async () => ({ userid: 'someone', sessionKey: 'k', corpId: 'wwanothercorp' }) };
    expect(await kindOf(signInMiniProgramMember(client, 'abc', config))).toBe('not_visible');
  });
});
