import type { AdminMessages } from '@/lib/i18n/admin-messages';
import type { SetupReport } from '@/lib/setup/report';

const MARKS = { pass: '✓', warn: '!', fail: '✗', skip: '–' } as const;

/** The doctor's report as a page: one row a check, the fix under each problem, "check again" as a plain reload. */
export function SetupChecklist({ report, t }: { report: SetupReport; t: AdminMessages['setup'] }) {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  return (
    <main className="page page-setup">
      <h1 className="page-title">{t.title}</h1>
      <p className="muted setup-intro">{t.intro}</p>
      <section className="card">
        <p className={`setup-summary ${report.ok ? 'setup-ok' : 'setup-bad'}`} data-testid="setup-summary" role="status">
          {t.summary(failed, warned)}
        </p>
        <ol className="setup-list">
          {report.checks.map((check) => (
            <li key={check.id} className={`setup-check setup-${check.status}`} data-testid={`setup-check-${check.id}`} data-status={check.status}>
              <span className="setup-mark" aria-hidden="true">
                {MARKS[check.status]}
              </span>
              <div className="setup-body">
                <p className="setup-title">
                  {check.title} <span className="setup-status">{t.status[check.status]}</span>
                </p>
                <p className="setup-detail">{check.detail}</p>
                {check.fix && check.status !== 'pass' && (
                  <p className="setup-fix">
                    <strong>{t.fix}: </strong>
                    {check.fix}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
        <form method="get" action="/admin/setup">
          <button type="submit" className="button" data-testid="setup-again">
            {t.again}
          </button>
        </form>
      </section>
    </main>
  );
}
