import type { z } from 'zod';
import { WeComError, isWeComError } from '@/lib/wecom/errors';
import * as schemas from '@/lib/wecom/schemas';
import { sendWeComRequest } from '@/lib/wecom/transport';

/**
 * The setup doctor's own calls to WeCom: each asked once per run (several checks read the
 * same answer), without the app's token cache, retries or backoff, so that what it reports is
 * what WeCom answers now, within a bounded time. Nothing here keeps or prints the token.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: WeComError };

export interface ProbeTarget {
  corpId: string;
  agentId: number;
  secret: string;
  apiBase: string;
}

export interface TokenAnswer {
  expiresIn: number;
}

/** WeCom's Date header and when we asked and heard back, for the clock check. */
export interface WeComClock {
  wecomDate: number;
  sentAt: number;
  receivedAt: number;
}

export class WeComProbe {
  private readonly memo = new Map<string, Promise<Outcome<unknown>>>();
  private accessToken?: string;
  private wecomClock?: WeComClock;

  constructor(
    private readonly target: ProbeTarget,
    private readonly timeoutMs: number,
  ) {}

  get agentId(): number {
    return this.target.agentId;
  }

  token(): Promise<Outcome<TokenAnswer>> {
    return this.once('gettoken', async () => {
      const sentAt = Date.now();
      const answer = await sendWeComRequest({
        apiBase: this.target.apiBase,
        api: 'gettoken',
        query: { corpid: this.target.corpId, corpsecret: this.target.secret },
        schema: schemas.tokenSchema,
        timeoutMs: this.timeoutMs,
        onHeaders: (headers) => {
          const wecomDate = Date.parse(headers.get('date') ?? '');
          if (Number.isFinite(wecomDate)) this.wecomClock = { wecomDate, sentAt, receivedAt: Date.now() };
        },
      });
      this.accessToken = answer.access_token;
      return { expiresIn: answer.expires_in };
    });
  }

  /** WeCom's clock as gettoken's answer showed it, whether or not the token was given. */
  async clock(): Promise<WeComClock | undefined> {
    await this.token();
    return this.wecomClock;
  }

  agent(): Promise<Outcome<schemas.WeComAgent>> {
    return this.withToken('agent/get', { agentid: this.target.agentId }, schemas.agentSchema);
  }

  tag(tagId: number): Promise<Outcome<schemas.WeComTag>> {
    return this.withToken('tag/get', { tagid: tagId }, schemas.tagSchema);
  }

  user(userid: string): Promise<Outcome<schemas.WeComUser>> {
    return this.withToken('user/get', { userid }, schemas.userSchema);
  }

  private withToken<T extends z.ZodType>(api: string, query: Record<string, string | number>, schema: T): Promise<Outcome<z.infer<T>>> {
    return this.once(`${api}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, async () => {
      const token = await this.token();
      if (!token.ok) throw token.error;
      return sendWeComRequest({
        apiBase: this.target.apiBase,
        api,
        query: { ...query, access_token: this.accessToken },
        schema,
        timeoutMs: this.timeoutMs,
      });
    });
  }

  private once<T>(key: string, ask: () => Promise<T>): Promise<Outcome<T>> {
    let pending = this.memo.get(key) as Promise<Outcome<T>> | undefined;
    if (!pending) {
      pending = ask().then(
        (value): Outcome<T> => ({ ok: true, value }),
        (error: unknown): Outcome<T> => {
          if (isWeComError(error)) return { ok: false, error };
          return { ok: false, error: WeComError.unavailable(key.split('?')[0], error instanceof Error ? error.name : 'failed') };
        },
      );
      this.memo.set(key, pending as Promise<Outcome<unknown>>);
    }
    return pending;
  }
}
