// gettoken: corp id + app secret → access token bound to that app.

import { MOCK_APPS, MOCK_CORP_ID } from '../credentials';
import type { QyapiRouteTable } from './route';
import { QyapiError } from './wire';

/** What a real WeCom secret looks like; anything else is "secret is invalid" (40091). */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const tokenRoutes: QyapiRouteTable = {
  '/cgi-bin/gettoken': {
    method: 'GET',
    auth: 'none',
    handle({ query, state }) {
      const corpsecret = query.get('corpsecret');
      if (!corpsecret) throw new QyapiError(41004);
      if (query.get('corpid') !== MOCK_CORP_ID) throw new QyapiError(40013);
      // Known secrets first: the demo secrets are longer than real ones (see credentials.ts).
      const app = MOCK_APPS.find((candidate) => candidate.secret === corpsecret);
      if (!app) throw new QyapiError(SECRET_SHAPE.test(corpsecret) ? 40001 : 40091);
      const ttl = state.settings.tokenTtlSeconds;
      const token = state.grants.issueToken(app.agentId, ttl);
      return { access_token: token.value, expires_in: ttl };
    },
  },
};
