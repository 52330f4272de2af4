// The mock's own model of a WeCom directory. Field names follow the wire format so that the
// response builders stay a thin mapping.

export type Gender = '0' | '1' | '2';

/** 1 active, 2 disabled, 4 not activated yet, 5 left the company. */
export type MemberStatus = 1 | 2 | 4 | 5;

export interface Department {
  id: number;
  name: string;
  name_en: string;
  parentid: number;
  order: number;
  department_leader: string[];
}

export type ExtAttr =
  | { type: 0; name: string; text: { value: string } }
  | { type: 1; name: string; web: { url: string; title: string } }
  | { type: 2; name: string; miniprogram: { appid: string; pagepath: string; title: string } };

export interface ExternalProfile {
  external_corp_name: string;
  wechat_channels: { nickname: string; status: number };
  external_attr: ExtAttr[];
}

export interface Member {
  userid: string;
  name: string;
  alias: string;
  position: string;
  department: number[];
  order: number[];
  is_leader_in_dept: (0 | 1)[];
  direct_leader: string[];
  main_department: number;
  telephone: string;
  status: MemberStatus;
  /** Sensitive since the 2022 privacy change: only via getuserdetail, or user/get in legacy mode. */
  private: {
    gender: Gender;
    mobile: string;
    email: string;
    biz_mail: string;
    address?: string;
  };
  external_position?: string;
  external_profile?: ExternalProfile;
  extattr: ExtAttr[];
  /** Members of a linked corp (`CorpId/userid`) are reachable but belong to no local department. */
  linkedCorp?: boolean;
}

export interface Tag {
  tagid: number;
  tagname: string;
  userids: string[];
  /** Departments tagged as a whole (tag/get `partylist`). */
  partyids: number[];
}
