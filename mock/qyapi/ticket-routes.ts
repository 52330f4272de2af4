// JS-SDK tickets and the mini-program code exchange.

import { randomBytes } from 'node:crypto';
import { MOCK_CORP_ID } from '../credentials';
import type { QyapiRouteTable } from './route';
import { QyapiError } from './wire';

const JSAPI_TICKET_LIFETIME_SECONDS = 7200;

function newTicket() {
  return { ticket: randomBytes(64).toString('base64url'), expires_in: JSAPI_TICKET_LIFETIME_SECONDS };
}

export const ticketRoutes: QyapiRouteTable = {
  '/cgi-bin/get_jsapi_ticket': {
    method: 'GET',
    auth: 'token',
    handle: () => newTicket(),
  },

  '/cgi-bin/ticket/get': {
    method: 'GET',
    auth: 'token',
    handle({ query }) {
      if (query.get('type') !== 'agent_config') throw new QyapiError(40058, 'type must be agent_config');
      return newTicket();
    },
  },

  '/cgi-bin/miniprogram/jscode2session': {
    method: 'GET',
    auth: 'token',
    handle({ query, state }) {
      const jsCode = query.get('js_code');
      if (!jsCode) throw new QyapiError(41008);
      if (query.get('grant_type') !== 'authorization_code') throw new QyapiError(40058, 'grant_type must be authorization_code');
      const userid = state.grants.takeMiniProgramCode(jsCode);
      if (!userid) throw new QyapiError(40029);
      return { corpid: MOCK_CORP_ID, userid, session_key: randomBytes(16).toString('base64') };
    },
  },
};
