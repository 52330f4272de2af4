/**
 * What a full read of the directory costs WeCom, and how often the app may afford one.
 *
 * A full read is one department/list and one user/list per department: 1,465 calls for a
 * company of 100,000 members in 1,464 departments. WeCom limits each API per corp to 10,000
 * calls a minute and 150,000 an hour (doc 90454), and an app over the hour's limit is blocked
 * for an hour: its profiles and sign-ins would fail with it. So full reads of user/list are
 * kept to a third of the hour's limit; the rest stays for the admins' Refresh and for other
 * apps of the corp. Between full reads WeCom's events keep the directory current.
 */
export const WECOM_CALLS_PER_API_PER_HOUR = 150_000;
/** The share of that hour's user/list calls that scheduled full reads may use. */
export const FULL_READ_SHARE_OF_HOURLY_LIMIT = 1 / 3;

/** user/list calls of one full read: one a department. */
export function userListCallsOfFullRead(departmentCount: number): number {
  return departmentCount;
}

/**
 * The shortest time between two scheduled full reads for a directory of this many
 * departments: 1,464 departments → 106 s, 264 → 20 s, a dozen → 1 s.
 */
export function minSecondsBetweenFullReads(departmentCount: number): number {
  const readsPerHour = (WECOM_CALLS_PER_API_PER_HOUR * FULL_READ_SHARE_OF_HOURLY_LIMIT) / Math.max(1, userListCallsOfFullRead(departmentCount));
  return Math.ceil(3600 / readsPerHour);
}
