// The shape every /cgi-bin route file exports. A handler returns the success fields or throws a
// QyapiError; the router adds errcode/errmsg, counting, latency, faults and the token check.

import type { AccessToken } from '../grants';
import type { MockState } from '../state';

interface CallBase {
  query: URLSearchParams;
  /** Raw request body (POST routes parse it themselves: bad JSON is an errcode, not a 400). */
  body: string;
  state: MockState;
}

export type PublicCall = CallBase;
export interface TokenCall extends CallBase {
  token: AccessToken;
}

type Fields = Record<string, unknown>;

export type QyapiRoute = {
  method: 'GET' | 'POST';
  /** Arrays of the success shape that error bodies echo empty. */
  emptyArrays?: readonly string[];
  /** Still answers when the app is disabled (agent/get, which then reports close: 1). */
  answersWhileDisabled?: boolean;
} & ({ auth: 'none'; handle(call: PublicCall): Fields | Promise<Fields> } | { auth: 'token'; handle(call: TokenCall): Fields | Promise<Fields> });

export type QyapiRouteTable = Record<string, QyapiRoute>;
