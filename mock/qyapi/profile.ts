// Member → JSON as user/get, user/list and auth/getuserdetail answer it, including the 2022
// privacy withholding: in post-2022 mode the sensitive keys are absent, not empty.

import { avatarUrl, qrCodeUrl, thumbAvatarUrl } from '../image-urls';
import type { PrivacyMode } from '../settings';
import type { Member } from '../types';

export interface ProfileContext {
  privacy: PrivacyMode;
  origin: string;
  openUserIdOf(userid: string): string;
}

export function memberProfile(member: Member, ctx: ProfileContext): Record<string, unknown> {
  const legacy = ctx.privacy === 'legacy';
  const sensitive = member.private;
  const profile: Record<string, unknown> = {
    userid: member.userid,
    name: member.name,
    department: member.department,
    order: member.order,
    position: member.position,
    ...(legacy ? { mobile: sensitive.mobile, gender: sensitive.gender, email: sensitive.email, biz_mail: sensitive.biz_mail } : {}),
    is_leader_in_dept: member.is_leader_in_dept,
    direct_leader: member.direct_leader,
    ...(legacy ? { avatar: avatarUrl(ctx.origin, member.userid), thumb_avatar: thumbAvatarUrl(ctx.origin, member.userid) } : {}),
    telephone: member.telephone,
    alias: member.alias,
    ...(legacy ? { address: sensitive.address ?? '' } : {}),
    open_userid: ctx.openUserIdOf(member.userid),
    main_department: member.main_department,
    extattr: { attrs: member.extattr },
    status: member.status,
    ...(legacy ? { qr_code: qrCodeUrl(ctx.origin, member.userid) } : {}),
    external_position: member.external_position ?? '',
    ...(member.external_profile ? { external_profile: member.external_profile } : {}),
    // Undocumented fields the real service still sends; clients must tolerate them.
    isleader: member.is_leader_in_dept.includes(1) ? 1 : 0,
    enable: member.status === 2 ? 0 : 1,
    hide_mobile: 0,
    english_name: member.alias,
  };
  return profile;
}

/** auth/getuserdetail: the consented sensitive fields; address only when the member has one. */
export function memberSensitiveDetail(member: Member, origin: string): Record<string, unknown> {
  const sensitive = member.private;
  return {
    userid: member.userid,
    gender: sensitive.gender,
    avatar: avatarUrl(origin, member.userid),
    qr_code: qrCodeUrl(origin, member.userid),
    mobile: sensitive.mobile,
    email: sensitive.email,
    biz_mail: sensitive.biz_mail,
    ...(sensitive.address ? { address: sensitive.address } : {}),
  };
}
