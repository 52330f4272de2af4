import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VARIANTS } from '../../e2e/global-setup';
import { fileFilters, neededVariants } from '../../e2e/support/needed-variants';
import { STANDALONE_SPECS } from '../../e2e/support/projects';

const specDir = path.resolve(__dirname, '../../e2e');
const variants = Object.keys(APP_VARIANTS) as (keyof typeof APP_VARIANTS)[];
const needed = (...args: string[]) => [...neededVariants(['node', 'playwright', 'test', ...args], specDir, variants, STANDALONE_SPECS)].sort();

describe('the app instances a Playwright run starts', () => {
  it('are all of them when no spec file is named', () => {
    expect(needed()).toEqual([...variants].sort());
    expect(needed('-g', 'sign-in', '--project=app')).toEqual([...variants].sort());
  });

  it('are the base instance and those the named specs use', () => {
    expect(needed('e2e/english.spec.ts')).toEqual(['base']);
    expect(needed('e2e/setup-doctor.spec.ts', '--project=app')).toEqual(['base', 'events']);
    expect(needed('offboarding', '-g', 'disabled')).toEqual(['base', 'offboarding']);
  });

  it('include the standalone server only when its project runs one of its specs', () => {
    expect(needed('e2e/profile.spec.ts')).toContain('standalone');
    expect(needed('e2e/profile.spec.ts', '--project=app')).not.toContain('standalone');
    expect(needed('e2e/english.spec.ts', '--project', 'standalone')).not.toContain('standalone');
  });

  it('read option values as values, not as spec files', () => {
    expect(fileFilters(['node', 'pw', 'test', '-g', 'profile', '--project', 'app', 'e2e/login.spec.ts'])).toEqual(['e2e/login.spec.ts']);
  });
});
