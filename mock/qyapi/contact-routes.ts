// Directory reads: user/get, user/list, user/simplelist, department/list,
// department/simplelist and tag/get. Only the app's visible range is ever answered.

import type { MockState } from '../state';
import { memberProfile, type ProfileContext } from './profile';
import type { QyapiRouteTable } from './route';
import { QyapiError } from './wire';

function profileContext(state: MockState): ProfileContext {
  return { privacy: state.settings.privacy, origin: state.origin, openUserIdOf: state.directory.openUserIdOf };
}

function parseId(raw: string | null): number | undefined {
  return raw !== null && /^\d{1,10}$/.test(raw) ? Number(raw) : undefined;
}

/** A department id the app may ask about, or the errcode WeCom gives for it. */
function requireReachableDepartment(state: MockState, raw: string | null): number {
  if (raw === null || raw === '') throw new QyapiError(60123, 'department_id missing');
  const id = parseId(raw);
  if (id === undefined || !state.directory.findDepartment(id)) throw new QyapiError(60123);
  if (!state.directory.isDepartmentReachable(id)) throw new QyapiError(60011);
  return id;
}

export const contactRoutes: QyapiRouteTable = {
  '/cgi-bin/user/get': {
    method: 'GET',
    auth: 'token',
    handle({ query, state }) {
      const userid = query.get('userid');
      if (!userid) throw new QyapiError(41009);
      const member = state.directory.findMember(userid);
      if (!member) throw new QyapiError(60111);
      if (!state.directory.isMemberVisible(member)) throw new QyapiError(60011);
      return memberProfile(member, profileContext(state));
    },
  },

  '/cgi-bin/user/simplelist': {
    method: 'GET',
    auth: 'token',
    emptyArrays: ['userlist'],
    handle({ query, state }) {
      const id = requireReachableDepartment(state, query.get('department_id'));
      const members = state.directory.visibleMembersOf(id, query.get('fetch_child') === '1');
      return {
        userlist: members.map((m) => ({
          userid: m.userid,
          name: m.name,
          department: m.department,
          open_userid: state.directory.openUserIdOf(m.userid),
        })),
      };
    },
  },

  '/cgi-bin/user/list': {
    method: 'GET',
    auth: 'token',
    emptyArrays: ['userlist'],
    handle({ query, state }) {
      const id = requireReachableDepartment(state, query.get('department_id'));
      const ctx = profileContext(state);
      return { userlist: state.directory.visibleMembersOf(id, query.get('fetch_child') === '1').map((m) => memberProfile(m, ctx)) };
    },
  },

  '/cgi-bin/department/list': {
    method: 'GET',
    auth: 'token',
    emptyArrays: ['department'],
    handle({ query, state }) {
      const raw = query.get('id');
      const root = raw === null || raw === '' ? undefined : requireReachableDepartment(state, raw);
      return {
        department: state.directory.visibleDepartments(root).map((d) => ({
          id: d.id,
          name: d.name,
          name_en: d.name_en,
          department_leader: d.department_leader,
          parentid: d.parentid,
          order: d.order,
        })),
      };
    },
  },

  '/cgi-bin/department/simplelist': {
    method: 'GET',
    auth: 'token',
    emptyArrays: ['department_id'],
    handle({ query, state }) {
      const raw = query.get('id');
      const root = raw === null || raw === '' ? undefined : requireReachableDepartment(state, raw);
      return {
        department_id: state.directory.visibleDepartments(root).map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })),
      };
    },
  },

  '/cgi-bin/tag/get': {
    method: 'GET',
    auth: 'token',
    emptyArrays: ['userlist', 'partylist'],
    handle({ query, state }) {
      const tagid = parseId(query.get('tagid'));
      const tag = tagid === undefined ? undefined : state.directory.findTag(tagid);
      if (!tag) throw new QyapiError(40068);
      const userlist = tag.userids.flatMap((userid) => {
        const member = state.directory.findMember(userid);
        return member && state.directory.isMemberVisible(member) ? [{ userid, name: member.name }] : [];
      });
      const partylist = tag.partyids.filter((id) => state.directory.isDepartmentVisible(id));
      return { tagname: tag.tagname, userlist, partylist };
    },
  },
};
