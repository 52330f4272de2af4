import type { Locale } from '@/lib/i18n/locale';
import type { CheckStatus, SetupReport } from './report';

/** The doctor's report as a terminal checklist: one line a check, the fix under each problem, a summary. */
const MARKS: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };

const WORDS = {
  zh: {
    heading: 'wecom-portal 设置检查',
    fix: '修复',
    summary: (n: Record<CheckStatus, number>) => `${n.pass} 项通过，${n.warn} 项警告，${n.fail} 项失败，${n.skip} 项跳过`,
    verdict: (ok: boolean) => (ok ? '没有失败的检查。' : '有检查失败：按上面的“修复”处理后重新运行 npm run doctor。'),
  },
  en: {
    heading: 'wecom-portal setup checks',
    fix: 'Fix',
    summary: (n: Record<CheckStatus, number>) => `${n.pass} passed, ${n.warn} warnings, ${n.fail} failed, ${n.skip} skipped`,
    verdict: (ok: boolean) => (ok ? 'No check failed.' : 'Some checks failed: follow the fixes above, then run npm run doctor again.'),
  },
};

export function checklistText(report: SetupReport, locale: Locale): string {
  const w = WORDS[locale];
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  const lines = [w.heading, ''];
  for (const check of report.checks) {
    counts[check.status] += 1;
    lines.push(`${MARKS[check.status]} ${check.title} [${check.id}]`);
    lines.push(`    ${check.detail}`);
    if (check.fix && check.status !== 'pass') lines.push(`    ${w.fix}: ${check.fix}`);
  }
  lines.push('', w.summary(counts), w.verdict(report.ok));
  return lines.join('\n');
}
