import type { Messages } from '@/lib/i18n/messages';
import type { ProfileView } from '@/lib/profile/profile-view';
import { ExtAttrValue } from './ext-attr-value';
import { PrivateFieldValue } from './private-field';

interface ProfileCardProps {
  profile: ProfileView;
  t: Messages['profile'];
  /** Where a direct leader's name links to; without it leaders are plain text. */
  memberHref?: (userid: string) => string;
}

/** One member's profile: used for the signed-in employee and, later, for admins looking anyone up. */
export function ProfileCard({ profile, t, memberHref }: ProfileCardProps) {
  const p = profile.private;
  const anyWithheld = Object.values(p).some((f) => !f.shared);
  const notShared = (field: (typeof p)[keyof typeof p], format?: (v: string) => string) => (
    <PrivateFieldValue field={field} notShared={t.notShared} format={format} />
  );

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
            {profile.status !== undefined && t.status[profile.status] && (
              <span className={`badge badge-${profile.status}`} data-testid="profile-status">
                {t.status[profile.status]}
              </span>
            )}
            {profile.linkedCorpId && <span className="badge badge-info">{t.linkedCorp}</span>}
          </h1>
          <div className="sub">
            {[profile.position, profile.alias].filter(Boolean).join(' · ')}
          </div>
          <div className="sub">{profile.userid}</div>
        </div>
      </section>

      <section className="card">
        <dl className="fields">
          <dt>{t.alias}</dt>
          <dd>{profile.alias ?? t.none}</dd>
          <dt>{t.position}</dt>
          <dd>{profile.position ?? t.none}</dd>
          <dt>{t.departments}</dt>
          <dd className="chips" data-testid="profile-departments">
            {profile.departments.map((d) => (
              <span className="chip" key={d.id}>
                {d.name}
                {d.isLeader ? ` · ${t.leaderIn}` : ''}
              </span>
            ))}
          </dd>
          <dt>{t.mainDepartment}</dt>
          <dd data-testid="profile-main-department">{profile.mainDepartment ?? t.none}</dd>
          <dt>{t.directLeaders}</dt>
          <dd data-testid="profile-leaders">
            {profile.directLeaders.length === 0
              ? t.none
              : profile.directLeaders.map((l, i) => (
                  <span key={l.userid}>
                    {i > 0 && '、'}
                    {memberHref ? <a href={memberHref(l.userid)}>{l.name}</a> : l.name}
                  </span>
                ))}
          </dd>
          <dt>{t.telephone}</dt>
          <dd>{profile.telephone ?? t.none}</dd>
        </dl>
      </section>

      <section className="card" data-testid="profile-private">
        <dl className="fields">
          <dt>{t.mobile}</dt>
          <dd data-testid="field-mobile">{notShared(p.mobile)}</dd>
          <dt>{t.email}</dt>
          <dd data-testid="field-email">{notShared(p.email)}</dd>
          <dt>{t.bizMail}</dt>
          <dd data-testid="field-biz-mail">{notShared(p.biz_mail)}</dd>
          <dt>{t.gender}</dt>
          <dd data-testid="field-gender">{notShared(p.gender, (g) => t.genders[g] ?? g)}</dd>
          <dt>{t.address}</dt>
          <dd data-testid="field-address">{notShared(p.address)}</dd>
        </dl>
        {anyWithheld && <p className="hint" data-testid="not-shared-hint">{t.notSharedHint}</p>}
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

      <section className="card">
        <h2>{t.qrCode}</h2>
        {p.qr_code.shared ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by WeCom
          <img className="qr" src={p.qr_code.value} alt={t.qrCode} data-testid="profile-qr" />
        ) : (
          notShared(p.qr_code)
        )}
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
