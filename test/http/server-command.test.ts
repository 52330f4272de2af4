import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, appCommand } from '@/harness/app-server';

const root = path.resolve(__dirname, '../..');
const nodeFlagsOf = (words: string[]) => words.slice(0, words.indexOf('--require')).filter((w) => w.startsWith('--'));

describe('the production server command', () => {
  it('npm start, the image and the test harness start Node with the same heap limits (old space and young semi-spaces)', () => {
    const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect(start[0]).toBe('node');
    expect(nodeFlagsOf(start)).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlagsOf(JSON.parse(cmd!) as string[])).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlagsOf(appCommand(3000))).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlagsOf(appCommand(3000, { standalone: true }))).toEqual(SERVER_NODE_FLAGS);
    expect(SERVER_NODE_FLAGS).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    expect(SERVER_NODE_FLAGS).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });
});
