// Everything the mock hands out and later checks: access tokens, login codes, user tickets and
// mini-program codes. Lifetimes are measured on the mock clock.

import { randomBytes } from 'node:crypto';
import type { MockClock } from './clock';

export const CODE_LIFETIME_SECONDS = 300;
export const USER_TICKET_LIFETIME_SECONDS = 1800;
/** The legacy user/getuserinfo announced its ticket with expires_in 7200. */
export const LEGACY_USER_TICKET_LIFETIME_SECONDS = 7200;

export type OAuthScope = 'snsapi_base' | 'snsapi_privateinfo' | 'snsapi_userinfo';

export type LoginIdentity = { kind: 'member'; userid: string } | { kind: 'nonMember' };

export interface AccessToken {
  value: string;
  agentId: number;
  expiresAtMs: number;
  revoked: boolean;
}

export interface LoginCode {
  value: string;
  identity: LoginIdentity;
  /** The app that may exchange the code. */
  agentId: number;
  /** SSO (QR) codes have no scope: they never yield a user_ticket. */
  scope: OAuthScope | null;
  issuedAtMs: number;
  used: boolean;
}

export interface UserTicket {
  value: string;
  userid: string;
  agentId: number;
  expiresAtMs: number;
}

interface MiniProgramCode {
  value: string;
  userid: string;
  issuedAtMs: number;
  used: boolean;
}

export type TokenLookup =
  | { ok: true; token: AccessToken }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

export type TicketLookup = { ok: true; ticket: UserTicket } | { ok: false; reason: 'unknown' | 'expired' };

function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function createGrants(clock: MockClock) {
  const tokens = new Map<string, AccessToken>();
  const codes = new Map<string, LoginCode>();
  const tickets = new Map<string, UserTicket>();
  const miniProgramCodes = new Map<string, MiniProgramCode>();

  const isFresh = (issuedAtMs: number, lifetimeSeconds: number) => clock.nowMs() < issuedAtMs + lifetimeSeconds * 1000;

  return {
    /** Every call issues a new token; older ones stay valid until they expire, as on WeCom. */
    issueToken(agentId: number, ttlSeconds: number): AccessToken {
      // 112 random bytes give the ~150 characters real tokens have.
      const token = { value: randomToken(112), agentId, expiresAtMs: clock.nowMs() + ttlSeconds * 1000, revoked: false };
      tokens.set(token.value, token);
      return token;
    },

    findToken(value: string): TokenLookup {
      const token = tokens.get(value);
      if (!token) return { ok: false, reason: 'unknown' };
      if (token.revoked) return { ok: false, reason: 'revoked' };
      if (clock.nowMs() >= token.expiresAtMs) return { ok: false, reason: 'expired' };
      return { ok: true, token };
    },

    /** Returns how many still-usable tokens were revoked. */
    revokeAllTokens(): number {
      let revoked = 0;
      for (const token of tokens.values()) {
        if (!token.revoked && clock.nowMs() < token.expiresAtMs) revoked += 1;
        token.revoked = true;
      }
      return revoked;
    },

    issueCode(identity: LoginIdentity, agentId: number, scope: OAuthScope | null): LoginCode {
      const code = { value: randomToken(32), identity, agentId, scope, issuedAtMs: clock.nowMs(), used: false };
      codes.set(code.value, code);
      return code;
    },

    /**
     * Looks a code up and burns it: a code is single use even when the exchange then fails for
     * another reason (wrong app, say). Answers undefined for unknown, used or expired codes.
     */
    takeCode(value: string): LoginCode | undefined {
      const code = codes.get(value);
      if (!code || code.used) return undefined;
      code.used = true;
      return isFresh(code.issuedAtMs, CODE_LIFETIME_SECONDS) ? code : undefined;
    },

    issueUserTicket(userid: string, agentId: number, lifetimeSeconds: number): UserTicket {
      const ticket = { value: randomToken(72), userid, agentId, expiresAtMs: clock.nowMs() + lifetimeSeconds * 1000 };
      tickets.set(ticket.value, ticket);
      return ticket;
    },

    /** Tickets may be used several times until they expire. */
    findUserTicket(value: string): TicketLookup {
      const ticket = tickets.get(value);
      if (!ticket) return { ok: false, reason: 'unknown' };
      if (clock.nowMs() >= ticket.expiresAtMs) return { ok: false, reason: 'expired' };
      return { ok: true, ticket };
    },

    issueMiniProgramCode(userid: string): string {
      const code = { value: randomToken(24), userid, issuedAtMs: clock.nowMs(), used: false };
      miniProgramCodes.set(code.value, code);
      return code.value;
    },

    takeMiniProgramCode(value: string): string | undefined {
      const code = miniProgramCodes.get(value);
      if (!code || code.used) return undefined;
      code.used = true;
      return isFresh(code.issuedAtMs, CODE_LIFETIME_SECONDS) ? code.userid : undefined;
    },

    /** `keepTokens`: issued access tokens stay valid, as they would on WeCom between two test cases. */
    clear(options: { keepTokens?: boolean } = {}): void {
      if (!options.keepTokens) tokens.clear();
      codes.clear();
      tickets.clear();
      miniProgramCodes.clear();
    },
  };
}

export type Grants = ReturnType<typeof createGrants>;
