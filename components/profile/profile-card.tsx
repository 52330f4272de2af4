import type { Messages } from '@/lib/i18n/messages';
import type { ProfileView } from '@/lib/profile/profile-view';
import { ExtAttrValue } from './ext-attr-value';

interface ProfileCardProps {
  profile: ProfileView;
  t: Messages['profile'];
  /** Where a direct leader's name links to; without it leaders are plain text. */
  memberHref?: (userid: string) => string;
  /** Admins also read how to make withheld fields appear (an operator setting). */
  viewerIsAdmin?: boolean;
}

/** The privacy-restricted fields shown as rows when WeCom shares them, in this order. */
const CONTACT_FIELDS = [
  { field: 'mobile', testId: 'field-mobile', href: (v: string) => `tel:${v}` },
  { field: 'email', testId: 'field-email', href: (v: string) => `mailto:${v}` },
  { field: 'biz_mail', testId: 'field-biz-mail', href: (v: string) => `mailto:${v}` },
  { field: 'gender', testId: 'field-gender' },
  { field: 'address', testId: 'field-address' },
] as const;

/** One member's profile: the signed-in employee's own, and any member's for admins. */
export function ProfileCard({ profile, t, memberHref, viewerIsAdmin = false }: ProfileCardProps) {
  const p = profile.private;
  const label: Record<(typeof CONTACT_FIELDS)[number]['field'] | 'qr_code', string> = {
    mobile: t.mobile,
    email: t.email,
    biz_mail: t.bizMail,
    gender: t.gender,
    address: t.address,
    qr_code: t.qrCode,
  };
  const shared = CONTACT_FIELDS.filter(({ field }) => p[field].shared);
  // Everything WeCom withheld, said once instead of a row of "not shared" per field.
  const withheld = [...CONTACT_FIELDS.map(({ field }) => field), 'qr_code' as const].filter((field) => !p[field].shared);
  // The header already says position and alias; one department needs no separate "main" row.
  const headline = [profile.position, profile.alias].filter(Boolean).join(' · ');

  return (
    <div data-testid="profile" data-userid={profile.userid}>
      <section className="card profile-head">
        {p.avatar.shared ? (
          // eslint-disable-next-line @next/next/no-img-element -- avatars come from WeCom's CDN, not our build
          <img className="avatar" src={p.avatar.value} alt={t.avatarAlt} />
        ) : (
          <div className="avatar avatar-initials" aria-hidden="true">
            {Array.from(profile.name)[0]}
          </div>
        )}
        <div>
          <h1>
            <span data-testid="profile-name">{profile.name}</span>
            {/* Active is what everyone signed in is: only another status is worth a badge. */}
            {profile.status !== undefined && profile.status !== 1 && t.status[profile.status] && (
              <span className={`badge badge-${profile.status}`} data-testid="profile-status">
                {t.status[profile.status]}
              </span>
            )}
            {profile.linkedCorpId && <span className="badge badge-info">{t.linkedCorp}</span>}
          </h1>
          {headline && <div className="sub" data-testid="profile-headline">{headline}</div>}
          <div className="sub">{profile.userid}</div>
        </div>
      </section>

      <section className="card">
        <dl className="fields">
          {profile.departments.length > 0 && (
            <>
              <dt>{t.departments}</dt>
              <dd className="chips" data-testid="profile-departments">
                {profile.departments.map((d) => (
                  <span className="chip" key={d.id} data-testid={d.isMain ? 'profile-main-department' : undefined}>
                    {d.path.length > 0 && `${d.path.join(' / ')} / `}
                    {d.name}
                    {d.isLeader ? ` · ${t.leaderIn}` : ''}
                    {d.isMain && profile.departments.length > 1 ? ` · ${t.mainDepartment}` : ''}
                  </span>
                ))}
              </dd>
            </>
          )}
          <dt>{t.directLeaders}</dt>
          <dd data-testid="profile-leaders">
            {profile.directLeaders.length === 0
              ? t.none
              : profile.directLeaders.map((l, i) => (
                  <span key={l.userid}>
                    {i > 0 && t.listSeparator}
                    {memberHref ? <a href={memberHref(l.userid)}>{l.name}</a> : l.name}
                  </span>
                ))}
          </dd>
          {profile.telephone && (
            <>
              <dt>{t.telephone}</dt>
              <dd>
                <a href={`tel:${profile.telephone}`}>{profile.telephone}</a>
              </dd>
            </>
          )}
          {shared.map((row) => {
            const value = (p[row.field] as { shared: true; value: string }).value;
            return (
              <Row key={row.field} label={label[row.field]} testId={row.testId}>
                {'href' in row ? <a href={row.href(value)}>{value}</a> : row.field === 'gender' ? (t.genders[value] ?? value) : value}
              </Row>
            );
          })}
        </dl>
        {withheld.length > 0 && (
          <div className="withheld" data-testid="withheld-fields">
            <p>{t.withheld(withheld.map((field) => label[field]).join(t.listSeparator))}</p>
            <p className="hint" data-testid="withheld-hint">
              {viewerIsAdmin ? (
                // The setting behind it is an operator's: admins are pointed to the setup checks, which name it.
                <>
                  {t.withheldForAdmin} <a href="/admin/setup">{t.withheldSetupLink}</a>
                </>
              ) : (
                t.withheldForEmployee
              )}
            </p>
          </div>
        )}
      </section>

      {profile.extattrs.length > 0 && (
        <section className="card" data-testid="profile-extattr">
          <h2>{t.extattr}</h2>
          <dl className="fields">
            {profile.extattrs.map((attr, i) => (
              <Row key={`${attr.name}-${i}`} label={attr.name}>
                <ExtAttrValue attr={attr} miniprogramLabel={t.miniprogram} />
              </Row>
            ))}
          </dl>
        </section>
      )}

      {(profile.externalProfile || profile.externalPosition) && (
        <section className="card" data-testid="profile-external">
          <h2>{t.externalProfile}</h2>
          <dl className="fields">
            {profile.externalPosition && <Row label={t.externalPosition}>{profile.externalPosition}</Row>}
            {profile.externalProfile?.corpName && <Row label={t.externalCorpName}>{profile.externalProfile.corpName}</Row>}
            {profile.externalProfile?.wechatChannels && <Row label={t.wechatChannels}>{profile.externalProfile.wechatChannels}</Row>}
            {profile.externalProfile?.attrs.map((attr, i) => (
              <Row key={`${attr.name}-${i}`} label={attr.name}>
                <ExtAttrValue attr={attr} miniprogramLabel={t.miniprogram} />
              </Row>
            ))}
          </dl>
        </section>
      )}

      {p.qr_code.shared && (
        <section className="card">
          <h2>{t.qrCode}</h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- served by WeCom */}
          <img className="qr" src={p.qr_code.value} alt={t.qrCode} data-testid="profile-qr" />
        </section>
      )}
    </div>
  );
}

function Row({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}
