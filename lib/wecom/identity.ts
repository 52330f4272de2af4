import { WeComError } from './errors';
import type { z } from 'zod';
import type { userInfoSchema } from './schemas';

/** Who stood behind an OAuth code. */
export type WeComIdentity =
  | {
      type: 'member';
      /** As WeCom gives it; `CorpId/userid` for a member of a linked corp. */
      userid: string;
      linkedCorpId?: string;
      /** Only under snsapi_privateinfo; a server-side secret, valid 1800 s. */
      userTicket?: string;
    }
  | { type: 'non_member'; openid: string; externalUserid?: string };

export function identityFromUserInfo(api: string, info: z.infer<typeof userInfoSchema>): WeComIdentity {
  const userid = info.userid ?? info.UserId;
  if (userid) {
    const slash = userid.indexOf('/');
    return {
      type: 'member',
      userid,
      ...(slash > 0 ? { linkedCorpId: userid.slice(0, slash) } : {}),
      ...(info.user_ticket ? { userTicket: info.user_ticket } : {}),
    };
  }
  const openid = info.openid ?? info.OpenId;
  if (openid) {
    return { type: 'non_member', openid, ...(info.external_userid ? { externalUserid: info.external_userid } : {}) };
  }
  throw WeComError.unavailable(api, 'the answer names neither a userid nor an openid');
}
