import { z } from 'zod';

/**
 * WeCom response shapes, parsed leniently: unknown keys pass through (WeCom adds
 * undocumented ones), and a field WeCom leaves out stays absent rather than "".
 */

const text = z.string();

export const extAttrSchema = z.looseObject({
  type: z.number(),
  name: text,
  text: z.looseObject({ value: text }).optional(),
  web: z.looseObject({ url: text, title: text.optional() }).optional(),
  miniprogram: z.looseObject({ appid: text, pagepath: text.optional(), title: text.optional() }).optional(),
});
export type ExtAttr = z.infer<typeof extAttrSchema>;

export const userSchema = z.looseObject({
  userid: text,
  name: text,
  department: z.array(z.number()).optional(),
  order: z.array(z.number()).optional(),
  position: text.optional(),
  mobile: text.optional(),
  gender: text.optional(),
  email: text.optional(),
  biz_mail: text.optional(),
  is_leader_in_dept: z.array(z.number()).optional(),
  direct_leader: z.array(text).optional(),
  avatar: text.optional(),
  thumb_avatar: text.optional(),
  telephone: text.optional(),
  alias: text.optional(),
  address: text.optional(),
  open_userid: text.optional(),
  main_department: z.number().optional(),
  extattr: z.looseObject({ attrs: z.array(extAttrSchema).default([]) }).optional(),
  status: z.number().optional(),
  qr_code: text.optional(),
  external_position: text.optional(),
  external_profile: z
    .looseObject({
      external_corp_name: text.optional(),
      wechat_channels: z.looseObject({ nickname: text.optional(), status: z.number().optional() }).optional(),
      external_attr: z.array(extAttrSchema).optional(),
    })
    .optional(),
});
export type WeComUser = z.infer<typeof userSchema>;
/**
 * user/list as the admin directory reads it: only the fields it keeps, the rest dropped
 * unread. A full read of 100,000 members parses each of them; the whole user shape (with
 * its attributes and external profile) took half a second of that for nothing.
 */
export const directoryUserSchema = userSchema.pick({ userid: true, name: true, department: true, position: true, alias: true, status: true }).strip();
export type DirectoryUser = z.infer<typeof directoryUserSchema>;
export const directoryUserListSchema = z.looseObject({ userlist: z.array(directoryUserSchema).default([]) });

export const userDetailSchema = z.looseObject({
  userid: text,
  gender: text.optional(),
  avatar: text.optional(),
  qr_code: text.optional(),
  mobile: text.optional(),
  email: text.optional(),
  biz_mail: text.optional(),
  address: text.optional(),
});
export type WeComUserDetail = z.infer<typeof userDetailSchema>;

export const tokenSchema = z.looseObject({ access_token: text.min(1), expires_in: z.number().positive() });
export const ticketSchema = z.looseObject({ ticket: text.min(1), expires_in: z.number().positive() });

/** auth/getuserinfo, and the capitalised keys of the legacy user/getuserinfo. */
export const userInfoSchema = z.looseObject({
  userid: text.optional(),
  UserId: text.optional(),
  user_ticket: text.optional(),
  openid: text.optional(),
  OpenId: text.optional(),
  external_userid: text.optional(),
  DeviceId: text.optional(),
});

export const departmentSchema = z.looseObject({
  id: z.number(),
  name: text,
  name_en: text.optional(),
  parentid: z.number().default(0),
  order: z.number().optional(),
  department_leader: z.array(text).optional(),
});
export type WeComDepartment = z.infer<typeof departmentSchema>;
export const departmentListSchema = z.looseObject({ department: z.array(departmentSchema).default([]) });

export const simpleUserSchema = z.looseObject({
  userid: text,
  name: text,
  department: z.array(z.number()).default([]),
  open_userid: text.optional(),
});
export type WeComSimpleUser = z.infer<typeof simpleUserSchema>;
export const simpleUserListSchema = z.looseObject({ userlist: z.array(simpleUserSchema).default([]) });

export const tagSchema = z.looseObject({
  tagname: text.optional(),
  userlist: z.array(z.looseObject({ userid: text, name: text.optional() })).default([]),
  partylist: z.array(z.number()).default([]),
});
export type WeComTag = z.infer<typeof tagSchema>;

export const miniProgramSessionSchema = z.looseObject({
  corpid: text.optional(),
  userid: text.min(1),
  session_key: text.min(1),
});

/** agent/get: the app's console settings (可见范围, 停用, 可信域名, 应用主页). */
export const agentSchema = z.looseObject({
  agentid: z.number(),
  name: text.default(''),
  close: z.number().default(0),
  redirect_domain: text.default(''),
  home_url: text.default(''),
  allow_userinfos: z.looseObject({ user: z.array(z.looseObject({ userid: text })).default([]) }).default({ user: [] }),
  allow_partys: z.looseObject({ partyid: z.array(z.number()).default([]) }).default({ partyid: [] }),
  allow_tags: z.looseObject({ tagid: z.array(z.number()).default([]) }).default({ tagid: [] }),
});
export type WeComAgent = z.infer<typeof agentSchema>;
