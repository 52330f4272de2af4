// Code exchange and sensitive details: auth/getuserinfo, the legacy user/getuserinfo and
// auth/getuserdetail.

import { randomBytes } from 'node:crypto';
import { DEMO } from '../seed';
import {
  LEGACY_USER_TICKET_LIFETIME_SECONDS,
  USER_TICKET_LIFETIME_SECONDS,
  type LoginCode,
} from '../grants';
import { isPlainObject } from '../http';
import type { MockState } from '../state';
import type { Member } from '../types';
import { memberSensitiveDetail } from './profile';
import type { QyapiRouteTable, TokenCall } from './route';
import { QyapiError } from './wire';

type MemberExchange = { kind: 'member'; member: Member; code: LoginCode };
type Exchange = MemberExchange | { kind: 'nonMember' };

/** Shared by both getuserinfo endpoints: the code must exist, be fresh, unused and this app's. */
function exchangeCode({ query, state, token }: TokenCall): Exchange {
  const value = query.get('code');
  if (!value) throw new QyapiError(41008);
  const code = state.grants.takeCode(value);
  if (!code || code.agentId !== token.agentId) throw new QyapiError(40029);
  if (code.identity.kind === 'nonMember') return { kind: 'nonMember' };
  const member = state.directory.findMember(code.identity.userid);
  if (!member) throw new QyapiError(40029);
  return { kind: 'member', member, code };
}

/** A user_ticket comes only with snsapi_privateinfo consent and a member in the visible range. */
function wantsTicket(exchange: MemberExchange, state: MockState): boolean {
  return exchange.code.scope === 'snsapi_privateinfo' && state.directory.isMemberVisible(exchange.member);
}

function deviceId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

export const authRoutes: QyapiRouteTable = {
  '/cgi-bin/auth/getuserinfo': {
    method: 'GET',
    auth: 'token',
    handle(call) {
      const exchange = exchangeCode(call);
      if (exchange.kind === 'nonMember') {
        return { openid: DEMO.nonMemberOpenId, external_userid: DEMO.nonMemberExternalUserId };
      }
      if (!wantsTicket(exchange, call.state)) return { userid: exchange.member.userid };
      const ticket = call.state.grants.issueUserTicket(exchange.member.userid, call.token.agentId, USER_TICKET_LIFETIME_SECONDS);
      return { userid: exchange.member.userid, user_ticket: ticket.value };
    },
  },

  '/cgi-bin/user/getuserinfo': {
    method: 'GET',
    auth: 'token',
    handle(call) {
      const exchange = exchangeCode(call);
      if (exchange.kind === 'nonMember') return { OpenId: DEMO.nonMemberOpenId, DeviceId: deviceId() };
      if (!wantsTicket(exchange, call.state)) return { UserId: exchange.member.userid, DeviceId: deviceId() };
      const ticket = call.state.grants.issueUserTicket(exchange.member.userid, call.token.agentId, LEGACY_USER_TICKET_LIFETIME_SECONDS);
      return {
        UserId: exchange.member.userid,
        DeviceId: deviceId(),
        user_ticket: ticket.value,
        expires_in: LEGACY_USER_TICKET_LIFETIME_SECONDS,
      };
    },
  },

  '/cgi-bin/auth/getuserdetail': {
    method: 'POST',
    auth: 'token',
    handle({ body, state, token }) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new QyapiError(47001);
      }
      if (!isPlainObject(parsed)) throw new QyapiError(47001);
      const value = parsed.user_ticket;
      if (typeof value !== 'string' || value === '') throw new QyapiError(84015, 'user_ticket missing');
      const lookup = state.grants.findUserTicket(value);
      if (!lookup.ok) throw new QyapiError(lookup.reason === 'expired' ? 84014 : 84015);
      // A ticket belongs to the app whose code produced it.
      if (lookup.ticket.agentId !== token.agentId) throw new QyapiError(84015);
      const member = state.directory.findMember(lookup.ticket.userid);
      if (!member) throw new QyapiError(84015);
      return memberSensitiveDetail(member, state.origin);
    },
  },
};
