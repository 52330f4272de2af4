import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CacheStore } from '@/lib/cache/store';
import { log } from '@/lib/log';
import { ignoreWeCom, type WeComObserver } from '@/lib/metrics/observers';
import { CredentialCache, type FetchContext } from './credential-cache';
import { isWeComError } from './errors';
import { identityFromUserInfo, type WeComIdentity } from './identity';
import * as schemas from './schemas';
import { sendWeComRequest } from './transport';

export interface WeComClientOptions {
  corpId: string;
  agentId: number;
  secret: string;
  apiBase: string;
  timeoutMs: number;
  store: CacheStore;
  /** First wait before retrying a busy answer; doubles each time. */
  busyRetryBaseMs?: number;
  /** How long a failed gettoken (or ticket fetch) is answered from memory; see CredentialCache. */
  failureBackoff?: { firstSeconds: number; maxSeconds: number };
  /** Told about every call and every credential fetched (the metrics); nothing by default. */
  observer?: WeComObserver;
}

const MAX_BUSY_RETRIES = 3;

interface CallSpec<T extends z.ZodType> {
  api: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: T;
}

/**
 * The app's only door to WeCom. Every call goes through `call`, which adds the access
 * token, replaces a rejected token once, and retries WeCom's "busy" a bounded number of times.
 */
export class WeComClient {
  readonly accessToken: CredentialCache;
  readonly jsapiTicket: CredentialCache;
  readonly agentTicket: CredentialCache;

  constructor(private readonly options: WeComClientOptions) {
    const namespace = credentialNamespace(options.corpId, options.agentId, options.secret);
    const cacheOptions = { failureBackoff: options.failureBackoff };
    this.accessToken = new CredentialCache(options.store, `${namespace}:access_token`, (context) => this.fetchAccessToken(context), cacheOptions);
    this.jsapiTicket = new CredentialCache(options.store, `${namespace}:jsapi_ticket`, () => this.fetchTicket('jsapi_ticket', 'get_jsapi_ticket', {}), cacheOptions);
    this.agentTicket = new CredentialCache(
      options.store,
      `${namespace}:agent_config_ticket`,
      () => this.fetchTicket('agent_config_ticket', 'ticket/get', { type: 'agent_config' }),
      cacheOptions,
    );
  }

  get corpId() {
    return this.options.corpId;
  }

  get agentId() {
    return this.options.agentId;
  }

  /** Exchanges an OAuth code (in-app or browser login) for who is signing in. */
  async exchangeCode(code: string): Promise<WeComIdentity> {
    const info = await this.call({ api: 'auth/getuserinfo', query: { code }, schema: schemas.userInfoSchema });
    return identityFromUserInfo('auth/getuserinfo', info);
  }

  /** The pre-2022 code exchange, still answered by WeCom with capitalised keys. */
  async exchangeCodeLegacy(code: string): Promise<WeComIdentity> {
    const info = await this.call({ api: 'user/getuserinfo', query: { code }, schema: schemas.userInfoSchema });
    return identityFromUserInfo('user/getuserinfo', info);
  }

  /** The fields the member consented to share (snsapi_privateinfo). */
  getUserDetail(userTicket: string): Promise<schemas.WeComUserDetail> {
    return this.call({ api: 'auth/getuserdetail', body: { user_ticket: userTicket }, schema: schemas.userDetailSchema });
  }

  getUser(userid: string): Promise<schemas.WeComUser> {
    return this.call({ api: 'user/get', query: { userid }, schema: schemas.userSchema });
  }

  async listDepartments(id?: number): Promise<schemas.WeComDepartment[]> {
    const answer = await this.call({ api: 'department/list', query: { id }, schema: schemas.departmentListSchema });
    return answer.department;
  }

  async listDepartmentMembers(departmentId: number, includeSubDepartments = false): Promise<schemas.WeComSimpleUser[]> {
    const answer = await this.call({
      api: 'user/simplelist',
      query: { department_id: departmentId, fetch_child: includeSubDepartments ? 1 : undefined },
      schema: schemas.simpleUserListSchema,
    });
    return answer.userlist;
  }

  /** user/list: the department's direct members with their profiles (privacy withholding applies). */
  /** The department's direct members, with only the fields the admin directory keeps. */
  async listDepartmentUsers(departmentId: number): Promise<schemas.DirectoryUser[]> {
    const answer = await this.call({ api: 'user/list', query: { department_id: departmentId }, schema: schemas.directoryUserListSchema });
    return answer.userlist;
  }

  getTag(tagId: number): Promise<schemas.WeComTag> {
    return this.call({ api: 'tag/get', query: { tagid: tagId }, schema: schemas.tagSchema });
  }

  /** Mini-program login; the session_key it returns must stay on the server. */
  async miniProgramSession(jsCode: string): Promise<{ userid: string; sessionKey: string; corpId?: string }> {
    const answer = await this.call({
      api: 'miniprogram/jscode2session',
      query: { js_code: jsCode, grant_type: 'authorization_code' },
      schema: schemas.miniProgramSessionSchema,
    });
    return { userid: answer.userid, sessionKey: answer.session_key, corpId: answer.corpid };
  }

  private async call<T extends z.ZodType>(spec: CallSpec<T>): Promise<z.infer<T>> {
    const token = await this.accessToken.get();
    try {
      return await this.sendWithToken(spec, token);
    } catch (error) {
      if (!isWeComError(error) || error.kind !== 'token_invalid') throw error;
      // Replaced once, never in a loop: a second rejection means something else is wrong.
      log.warn('wecom.token_rejected', { api: spec.api, errcode: error.errcode });
      await this.accessToken.invalidate(token);
      return this.sendWithToken(spec, await this.accessToken.get());
    }
  }

  private sendWithToken<T extends z.ZodType>(spec: CallSpec<T>, token: string): Promise<z.infer<T>> {
    return this.retryingBusy(spec.api, () => this.send({ ...spec, query: { ...spec.query, access_token: token } }));
  }

  private async send<T extends z.ZodType>(spec: CallSpec<T>): Promise<z.infer<T>> {
    const observer = this.options.observer ?? ignoreWeCom;
    const started = performance.now();
    try {
      const answer = await sendWeComRequest({ ...spec, apiBase: this.options.apiBase, timeoutMs: this.options.timeoutMs });
      observer.call(spec.api, 'ok', (performance.now() - started) / 1000);
      return answer;
    } catch (error) {
      observer.call(spec.api, isWeComError(error) ? error.kind : 'unavailable', (performance.now() - started) / 1000);
      throw error;
    }
  }

  /** WeCom's "system busy" (-1) and gateway errors are retried with backoff, at most 3 times. */
  private async retryingBusy<R>(api: string, attempt: () => Promise<R>): Promise<R> {
    for (let retries = 0; ; retries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isWeComError(error) || error.kind !== 'busy' || retries >= MAX_BUSY_RETRIES) throw error;
        const base = this.options.busyRetryBaseMs ?? 200;
        const delay = base * 2 ** retries * (0.75 + Math.random() / 2);
        log.warn('wecom.busy_retry', { api, attempt: retries + 1, delayMs: Math.round(delay) });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async fetchAccessToken({ probing }: FetchContext) {
    const fetchToken = () =>
      this.send({
        api: 'gettoken',
        query: { corpid: this.options.corpId, corpsecret: this.options.secret },
        schema: schemas.tokenSchema,
      });
    // A probe after a remembered failure asks once: its retries would multiply the failing calls.
    const answer = await (probing ? fetchToken() : this.retryingBusy('gettoken', fetchToken));
    log.info('wecom.token_fetched', { corpId: this.options.corpId, agentId: this.options.agentId, expiresIn: answer.expires_in });
    this.options.observer?.credentialFetched('access_token');
    return { value: answer.access_token, expiresInSeconds: answer.expires_in };
  }

  private async fetchTicket(credential: 'jsapi_ticket' | 'agent_config_ticket', api: string, query: Record<string, string>) {
    const answer = await this.call({ api, query, schema: schemas.ticketSchema });
    this.options.observer?.credentialFetched(credential);
    return { value: answer.ticket, expiresInSeconds: answer.expires_in };
  }
}

/** corp + agent + a hash of the secret: a rotated secret or another app never reuses a token. */
export function credentialNamespace(corpId: string, agentId: number, secret: string): string {
  const secretHash = createHash('sha256').update(secret).digest('hex').slice(0, 16);
  return `wecom:${corpId}:${agentId}:${secretHash}`;
}
