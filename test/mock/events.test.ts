import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_CORP_ID } from '@/mock/credentials';
import { envelope } from '@/mock/events/delivery';
import { DEMO } from '@/mock/seed';
import { startMockWeCom } from '@/mock/server';
import { mockControl } from '@/mock/control-client';
import { decryptIndependently, parseXml, signature, startCallbackReceiver, type CallbackReceiver } from './callback-receiver';
import { startTestMock, type TestMock } from './support';

// WeCom's published sample (every official WXBizMsgCrypt sample uses it).
const SAMPLE = {
  token: 'QDG6eK',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  plaintext: '1616140317555161061',
};

const TOKEN = SAMPLE.token;
const AES_KEY = SAMPLE.aesKey;

describe('signing and encryption (WeCom sample vector)', () => {
  it('signs the sample URL check exactly as WeCom did', () => {
    expect(getSignature(SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.echostr)).toBe(SAMPLE.msgSignature);
    expect(signature(SAMPLE.token, SAMPLE.timestamp, SAMPLE.nonce, SAMPLE.echostr)).toBe(SAMPLE.msgSignature);
  });

  it('decrypts the sample echostr to its number, with the corp id as receive-id', () => {
    expect(decrypt(SAMPLE.aesKey, SAMPLE.echostr)).toMatchObject({ message: SAMPLE.plaintext, id: SAMPLE.corpId });
    expect(decryptIndependently(SAMPLE.aesKey, SAMPLE.echostr)).toMatchObject({ message: SAMPLE.plaintext, receiveId: SAMPLE.corpId });
  });

  it('re-encrypts the sample plaintext to the sample ciphertext when given the same random prefix', () => {
    const { random } = decrypt(SAMPLE.aesKey, SAMPLE.echostr);
    expect(encrypt(SAMPLE.aesKey, SAMPLE.plaintext, SAMPLE.corpId, random)).toBe(SAMPLE.echostr);
  });

  it('pads to 32-byte blocks: a message needing more than 16 pad bytes decrypts correctly', () => {
    // 16 random + 4 length + message + 18-byte corp id; 6 + 38 = 44 → 12 over a block → 20 pad bytes.
    const message = 'x'.repeat(6);
    const used = 16 + 4 + message.length + SAMPLE.corpId.length;
    expect(32 - (used % 32)).toBeGreaterThan(16);
    const ciphertext = encrypt(SAMPLE.aesKey, message, SAMPLE.corpId);
    const independent = decryptIndependently(SAMPLE.aesKey, ciphertext);
    expect(independent).toEqual({ message, receiveId: SAMPLE.corpId, padding: 32 - (used % 32) });
    expect(decrypt(SAMPLE.aesKey, ciphertext)).toMatchObject({ message, id: SAMPLE.corpId });
  });

  it('wraps the ciphertext in WeCom\'s envelope with the corp and the app', () => {
    expect(parseXml(envelope('abc+/='))).toEqual({ ToUserName: MOCK_CORP_ID, AgentID: '1000002', Encrypt: 'abc+/=' });
  });
});

describe('event callbacks to a running app', () => {
  let t: TestMock;
  let control: ReturnType<typeof mockControl>;
  let app: CallbackReceiver;
  let token: string;
  const configure = (extra: Record<string, unknown> = {}) => control.configureCallback({ url: app.url, token: TOKEN, aesKey: AES_KEY, ...extra });

  beforeAll(async () => {
    t = await startTestMock();
    control = mockControl(t.url);
    app = await startCallbackReceiver({ token: TOKEN, aesKey: AES_KEY });
  });
  afterAll(async () => {
    await t.mock.close();
    await app.close();
  });
  beforeEach(async () => {
    await control.reset();
    await control.settings({ callbackRetryDelayMs: 0 });
    app.clear();
    token = await t.token();
  });

  const userGet = (userid: string) => t.api('user/get', { access_token: token, userid });
  const eventsOf = () => app.events.map((e) => e.fields);

  describe('configuration and URL check', () => {
    it('accepts a callback once the URL check is answered with the plaintext, and never shows token or key', async () => {
      const answer = await configure();
      expect(answer).toEqual({ url: app.url, detail: 'ids-only', configured: true, verified: true });
      expect(app.urlChecks).toHaveLength(1);
      const check = app.urlChecks[0]!;
      expect(Object.fromEntries(check)).toEqual({
        msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/),
        timestamp: expect.stringMatching(/^\d{10}$/),
        nonce: expect.stringMatching(/^\d+$/),
        echostr: expect.any(String),
      });
      const status = await control.callbackStatus();
      expect(status).toEqual({ url: app.url, detail: 'ids-only', configured: true });
      expect(JSON.stringify(status)).not.toContain(AES_KEY);
    });

    it('refuses a callback whose URL check answer is not exactly the plaintext', async () => {
      app.behaviour.echo = 'quoted';
      const res = await t.control('POST', 'callback', { url: app.url, token: TOKEN, aesKey: AES_KEY });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: expect.stringMatching(/^URL check failed: .*not the decrypted echostr/), status: 200 });
      expect((await control.callbackStatus()).configured).toBe(false);
    });

    it('refuses a callback whose URL is unreachable, with status null', async () => {
      const closed = await startCallbackReceiver({ token: TOKEN, aesKey: AES_KEY });
      await closed.close();
      const res = await t.control('POST', 'callback', { url: closed.url, token: TOKEN, aesKey: AES_KEY });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: expect.stringMatching(/^URL check failed: could not reach/), status: null });
    });

    it('skips the URL check only when asked to', async () => {
      const res = await t.control('POST', 'callback', { url: 'http://127.0.0.1:9/nowhere', token: TOKEN, aesKey: AES_KEY, verify: false });
      expect(res.json).toMatchObject({ configured: true, verified: false });
    });

    it('names the wrong field with 400', async () => {
      const good = { url: app.url, token: TOKEN, aesKey: AES_KEY };
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...good, url: 'ftp://x' }, /^url /],
        [{ ...good, url: 42 }, /^url /],
        [{ ...good, token: 'ab' }, /^token /],
        [{ ...good, token: 'has space' }, /^token /],
        [{ ...good, token: 'x'.repeat(33) }, /^token /],
        [{ ...good, aesKey: AES_KEY.slice(1) }, /^aesKey /],
        [{ ...good, aesKey: `${AES_KEY.slice(1)}=` }, /^aesKey /],
        [{ ...good, detail: 'some' }, /^detail /],
        [{ ...good, verify: 'yes' }, /^verify /],
        [{ ...good, secret: 'x' }, /unknown field "secret"/],
      ];
      for (const [body, message] of cases) {
        const res = await t.control('POST', 'callback', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error).toMatch(message);
      }
      expect(app.urlChecks).toHaveLength(0);
    });

    it('unsets the callback with DELETE, after which changes push nothing', async () => {
      await configure();
      expect((await t.control('DELETE', 'callback')).json).toEqual({ url: null, detail: null, configured: false });
      const answer = await control.updateMember(DEMO.engineer, { position: '架构师' });
      expect(answer.deliveries).toEqual([]);
      expect(app.posts).toBe(0);
    });

    it('answers changes with no deliveries when no callback is configured', async () => {
      expect((await control.updateMember(DEMO.engineer, { name: '何静静' })).deliveries).toEqual([]);
    });
  });

  describe('what the app receives', () => {
    it('sends a signed envelope whose ciphertext decrypts to the change, for the corp', async () => {
      await configure();
      const answer = await control.updateMember(DEMO.engineer, { position: '架构师' });
      expect(answer.deliveries).toEqual([
        { event: 'change_contact', changeType: 'update_user', status: 200, attempts: 1, ms: expect.any(Number), delivered: true },
      ]);
      expect(app.events).toHaveLength(1);
      const received = app.events[0]!;
      expect(received.signatureValid).toBe(true);
      expect(received.contentType).toBe('text/xml');
      expect(received.query.get('timestamp')).toMatch(/^\d{10}$/);
      expect(received.envelope).toEqual({ ToUserName: MOCK_CORP_ID, AgentID: '1000002', Encrypt: expect.any(String) });
      expect(received.rawBody).toMatch(/^<xml><ToUserName><!\[CDATA\[ww8a2f00d5c0ffee01\]\]><\/ToUserName><AgentID><!\[CDATA\[1000002\]\]><\/AgentID><Encrypt><!\[CDATA\[/);
      expect(received.receiveId).toBe(MOCK_CORP_ID);
      expect(received.plaintext).toMatch(/^<xml><ToUserName><!\[CDATA\[ww8a2f00d5c0ffee01\]\]><\/ToUserName><FromUserName><!\[CDATA\[sys\]\]><\/FromUserName><CreateTime>\d{10}<\/CreateTime><MsgType><!\[CDATA\[event\]\]><\/MsgType><Event><!\[CDATA\[change_contact\]\]><\/Event><ChangeType><!\[CDATA\[update_user\]\]><\/ChangeType><UserID><!\[CDATA\[hejing\]\]><\/UserID>/);
      expect(decrypt(AES_KEY, received.envelope.Encrypt!).id).toBe(MOCK_CORP_ID);
    });

    it('sends only ids by default: no Status, Name or Position', async () => {
      await configure();
      await control.updateMember(DEMO.engineer, { status: 2, name: '何静静', position: '架构师', department: [6, 8] });
      const update = eventsOf().find((f) => f.ChangeType === 'update_user')!;
      expect(Object.keys(update).sort()).toEqual(['ChangeType', 'CreateTime', 'Department', 'Event', 'FromUserName', 'MsgType', 'ToUserName', 'UserID'].sort());
      expect(update.Department).toBe('6,8');
    });

    it('sends the changed fields, Status included, to a callback configured for full details', async () => {
      await configure({ detail: 'full' });
      await control.updateMember(DEMO.engineer, { status: 2, position: '架构师' });
      const update = eventsOf().find((f) => f.ChangeType === 'update_user')!;
      expect(update).toMatchObject({ UserID: 'hejing', Status: '2', Position: '架构师' });
      expect(update.Name).toBeUndefined(); // unchanged fields stay out
      expect(update.Department).toBeUndefined();
    });

    it('disabling a member sends update_user then unsubscribe, sharing one CreateTime', async () => {
      await configure();
      const answer = await control.updateMember(DEMO.engineer, { status: 2 });
      expect(answer.deliveries.map((d) => d.changeType ?? d.event)).toEqual(['update_user', 'unsubscribe']);
      const [update, unsubscribe] = eventsOf();
      expect(update).toMatchObject({ Event: 'change_contact', ChangeType: 'update_user', UserID: 'hejing', FromUserName: 'sys' });
      expect(unsubscribe).toEqual({
        ToUserName: MOCK_CORP_ID,
        FromUserName: 'hejing',
        CreateTime: update!.CreateTime,
        MsgType: 'event',
        Event: 'unsubscribe',
        AgentID: '1000002',
      });
      expect((await userGet(DEMO.engineer)).status).toBe(2);
    });

    it('re-enabling a member sends subscribe', async () => {
      await configure();
      await control.updateMember(DEMO.disabled, { status: 1 });
      expect(eventsOf().map((f) => f.ChangeType ?? f.Event)).toEqual(['update_user', 'subscribe']);
      expect(eventsOf()[1]).toMatchObject({ FromUserName: DEMO.disabled, AgentID: '1000002' });
    });

    it('a disabled member who then leaves sends no second unsubscribe', async () => {
      await configure();
      await control.updateMember(DEMO.disabled, { status: 5 });
      expect(eventsOf().map((f) => f.ChangeType ?? f.Event)).toEqual(['update_user']);
    });

    it('deleting a member makes user/get answer 60111 and sends delete_user then unsubscribe', async () => {
      await configure();
      const answer = await control.deleteMember(DEMO.withAt);
      expect(answer).toMatchObject({ deleted: DEMO.withAt });
      expect((await userGet(DEMO.withAt)).errcode).toBe(60111);
      const [deleted, unsubscribe] = eventsOf();
      expect(deleted).toMatchObject({ ChangeType: 'delete_user', UserID: DEMO.withAt });
      expect(unsubscribe).toMatchObject({ Event: 'unsubscribe', FromUserName: DEMO.withAt, CreateTime: deleted!.CreateTime });
      const list = await t.api('user/simplelist', { access_token: token, department_id: '5' });
      expect(list.userlist.map((u: { userid: string }) => u.userid)).not.toContain(DEMO.withAt);
    });

    it('creating a member sends create_user then subscribe, and the member can sign in', async () => {
      await configure({ detail: 'full' });
      const answer = await control.createMember({ userid: 'new.hire', name: '新同事', department: [5], position: '前端工程师' });
      expect(answer.deliveries.map((d) => d.changeType ?? d.event)).toEqual(['create_user', 'subscribe']);
      expect(eventsOf()[0]).toMatchObject({ UserID: 'new.hire', Name: '新同事', Department: '5', Status: '1', Position: '前端工程师' });
      expect(await userGet('new.hire')).toMatchObject({ errcode: 0, name: '新同事', department: [5], status: 1 });
      const code = await control.issueCode({ userid: 'new.hire' });
      expect(await t.api('auth/getuserinfo', { access_token: token, code })).toMatchObject({ errcode: 0, userid: 'new.hire' });
    });

    it('renaming a userid sends NewUserID; the old id is gone, the open_userid stays', async () => {
      await configure();
      const before = await userGet(DEMO.withDash);
      await control.updateMember(DEMO.withDash, { new_userid: 'wang.fang' });
      expect(eventsOf()).toEqual([expect.objectContaining({ ChangeType: 'update_user', UserID: 'wang-fang', NewUserID: 'wang.fang' })]);
      expect((await userGet('wang-fang')).errcode).toBe(60111);
      expect((await userGet('wang.fang')).open_userid).toBe(before.open_userid);
      const admins = await t.api('tag/get', { access_token: token, tagid: '1' });
      expect(admins.userlist.map((u: { userid: string }) => u.userid)).toContain('wang.fang');
    });

    it('moving a member out of the visible range sends update_user and unsubscribe; user/get then answers 60011', async () => {
      await configure();
      await control.updateMember(DEMO.engineer, { department: [15] });
      expect(eventsOf().map((f) => f.ChangeType ?? f.Event)).toEqual(['update_user', 'unsubscribe']);
      expect((await userGet(DEMO.engineer)).errcode).toBe(60011);
    });

    it('sends nothing for changes to members outside the visible range', async () => {
      await configure();
      expect((await control.updateMember(DEMO.outsideRange, { position: '经理' })).deliveries).toEqual([]);
    });

    it('a tag change shows in tag/get and sends update_tag with AddUserItems', async () => {
      await configure();
      await control.updateTag(1, { addUserids: [DEMO.engineer, DEMO.withDot], delUserids: [DEMO.withDash], addPartyIds: [8] });
      expect(eventsOf()).toEqual([
        expect.objectContaining({ ChangeType: 'update_tag', TagId: '1', AddUserItems: 'hejing,li.na', DelUserItems: 'wang-fang', AddPartyItems: '8' }),
      ]);
      const tag = await t.api('tag/get', { access_token: token, tagid: '1' });
      expect(tag.userlist.map((u: { userid: string }) => u.userid).sort()).toEqual(['hejing', 'li.na', 'songtao']);
      expect(tag.partylist).toEqual([8]);
    });

    it('a department rename shows in department/list and sends update_party with the Id', async () => {
      await configure({ detail: 'full' });
      await control.updateDepartment(5, { name: 'Web 前端组', name_en: 'Web Team' });
      expect(eventsOf()).toEqual([expect.objectContaining({ ChangeType: 'update_party', Id: '5', Name: 'Web 前端组' })]);
      const list = await t.api('department/list', { access_token: token, id: '4' });
      expect(list.department.find((d: { id: number }) => d.id === 5)).toMatchObject({ name: 'Web 前端组', name_en: 'Web Team' });
    });

    it('sends the events of one change in order, and later changes after earlier ones', async () => {
      await configure();
      await Promise.all([
        control.updateMember(DEMO.engineer, { status: 2 }),
        control.updateMember(DEMO.withDot, { position: '助理' }),
      ]);
      expect(eventsOf().map((f) => `${f.ChangeType ?? f.Event}:${f.UserID ?? f.FromUserName}`)).toEqual([
        'update_user:hejing',
        'unsubscribe:hejing',
        'update_user:li.na',
      ]);
    });
  });

  describe('retries', () => {
    it('a receiver answering 500 gets 4 attempts, each counted', async () => {
      await configure();
      await control.resetCounters();
      app.behaviour.status = 500;
      const answer = await control.updateMember(DEMO.engineer, { position: '架构师' });
      expect(answer.deliveries).toEqual([
        expect.objectContaining({ changeType: 'update_user', status: 500, attempts: 4, delivered: false, error: 'answered HTTP 500' }),
      ]);
      expect(app.posts).toBe(4);
      // The retries repeat the same request.
      expect(new Set(app.events.map((e) => e.rawBody)).size).toBe(1);
      expect(new Set(app.events.map((e) => e.query.toString())).size).toBe(1);
      expect(await control.counters()).toEqual({ 'callback:update_user': 4 });
    });

    it('a receiver slower than callbackTimeoutMs is retried', async () => {
      await configure();
      await control.settings({ callbackTimeoutMs: 150 });
      app.behaviour.delays = [400];
      const answer = await control.updateMember(DEMO.engineer, { position: '架构师' });
      expect(answer.deliveries).toEqual([expect.objectContaining({ status: 200, attempts: 2, delivered: true })]);
      expect(app.posts).toBe(2);
    });

    it('waits callbackRetryDelayMs between attempts', async () => {
      await configure();
      await control.settings({ callbackRetryDelayMs: 100 });
      app.behaviour.status = 503;
      const [delivery] = (await control.updateMember(DEMO.engineer, { position: '架构师' })).deliveries;
      expect(delivery!.attempts).toBe(4);
      expect(delivery!.ms).toBeGreaterThanOrEqual(300);
    });
  });

  describe('hand-written events', () => {
    it('pushes the same event `times` times, each a separate delivery of identical plaintext', async () => {
      await configure();
      await control.resetCounters();
      const answer = await control.pushEvent({ fields: { Event: 'change_contact', ChangeType: 'update_user', UserID: 'hejing', CreateTime: 1409659813 }, times: 3 });
      expect(answer.deliveries).toHaveLength(3);
      expect(app.events.map((e) => e.plaintext)).toEqual(Array(3).fill(app.events[0]!.plaintext));
      expect(app.events[0]!.fields).toMatchObject({ ToUserName: MOCK_CORP_ID, FromUserName: 'sys', CreateTime: '1409659813', MsgType: 'event', UserID: 'hejing' });
      expect(new Set(app.events.map((e) => e.query.get('nonce'))).size).toBe(3);
      expect(await control.counters()).toEqual({ 'callback:update_user': 3 });
    });

    it('pushes raw XML byte for byte, even when it is broken', async () => {
      await configure();
      const raw = '<xml><ToUserName><![CDATA[x]]></ToUserName><Event><![CDATA[enter_agent]]></Event></xml>';
      const answer = await control.pushEvent({ raw });
      expect(answer.deliveries).toEqual([expect.objectContaining({ event: 'enter_agent', delivered: true })]);
      expect(app.events[0]!.plaintext).toBe(raw);
      const broken = await control.pushEvent({ raw: '<xml><Event>' });
      expect(broken.deliveries).toEqual([expect.objectContaining({ event: 'raw', delivered: true })]);
      expect(app.events[1]!.plaintext).toBe('<xml><Event>');
    });

    it('refuses bad pushes with 400', async () => {
      const cases: unknown[] = [
        {},
        { fields: { ChangeType: 'update_user' } },
        { fields: { Event: 'x' }, raw: '<xml/>' },
        { fields: { Event: 'x', 'bad name': 1 } },
        { fields: { Event: 'x', Nested: { a: 1 } } },
        { fields: { Event: 'x' }, times: 51 },
        { fields: { Event: 'x' }, times: 0 },
        { raw: '' },
      ];
      for (const body of cases) {
        const res = await t.control('POST', 'events', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error).toEqual(expect.any(String));
      }
    });
  });

  describe('reset', () => {
    it('restores the seed member and clears a callback set through the control API', async () => {
      await configure();
      await control.deleteMember(DEMO.engineer);
      await control.reset();
      expect((await userGet(DEMO.engineer)).errcode).toBe(40014); // tokens were dropped too
      token = await t.token();
      expect(await userGet(DEMO.engineer)).toMatchObject({ errcode: 0, name: '何静', status: 1 });
      expect(await control.callbackStatus()).toEqual({ url: null, detail: null, configured: false });
    });
  });
});

describe('a callback given at start', () => {
  let app: CallbackReceiver;
  beforeAll(async () => {
    app = await startCallbackReceiver({ token: TOKEN, aesKey: AES_KEY });
  });
  afterAll(() => app.close());

  it('is used without a URL check and comes back after reset', async () => {
    const mock = await startMockWeCom({ quiet: true, callback: { url: app.url, token: TOKEN, aesKey: AES_KEY, detail: 'full' } });
    const control = mockControl(mock.url);
    try {
      expect(app.urlChecks).toHaveLength(0);
      await control.clearCallback();
      await control.reset();
      expect(await control.callbackStatus()).toEqual({ url: app.url, detail: 'full', configured: true });
      await control.settings({ callbackRetryDelayMs: 0 });
      const answer = await control.updateMember(DEMO.engineer, { status: 2 });
      expect(answer.deliveries.map((d) => d.delivered)).toEqual([true, true]);
      expect(app.events[0]!.fields.Status).toBe('2');
    } finally {
      await mock.close();
    }
  });

  it('refuses a bad start callback, naming the field', async () => {
    await expect(startMockWeCom({ quiet: true, callback: { url: app.url, token: TOKEN, aesKey: 'short' } })).rejects.toThrow(/callback: aesKey/);
    await expect(startMockWeCom({ quiet: true, callback: { url: 'mailto:x', token: TOKEN, aesKey: AES_KEY } })).rejects.toThrow(/callback: url/);
  });
});
