// The README is the reference for users: every finding code is listed there with an example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../engine/findings.js';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it.each(Object.keys(CODES))('lists the check code %s', (code) => {
    expect(readme).toContain(`| <a id="${code}"></a>\`${code}\` |`);
  });
  it('starts with the two set-up commands', () => {
    const firstLines = readme.split('\n').slice(0, 6).join('\n');
    expect(firstLines).toContain('npm ci && npm start');
    expect(firstLines).toContain('npm ci && npm test');
  });
});
