/// <reference lib="dom" />
// The published site in a real browser (issue 17): every page of the example's site opened in
// headless Chromium (Debian's chromium, driven with puppeteer-core; no browser is downloaded)
// and checked with axe-core against WCAG 2.1 A and AA; a meeting page used with the keyboard
// alone; every linked PDF tagged and PDF/A; and the preview reloading an open page after a
// content file changes. Skipped, with a message, where chromium (or LibreOffice, for the PDFs)
// is not installed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSoffice } from '../engine/output/pdf.js';
import { publish } from '../engine/output/publish.js';
import { EXAMPLE, scratchCopy } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const hasPdfTools = hasSoffice() && existsSync('/usr/bin/pdfinfo');
if (!hasChromium)
  console.warn(
    `HOPPAR ÖVER webbläsartesterna: ${CHROMIUM} saknas. Installera med: sudo apt-get install chromium (eller ange CHROMIUM_PATH).`,
  );
else if (!hasPdfTools)
  console.warn('HOPPAR ÖVER PDF-kontrollen av webbplatsen: LibreOffice eller poppler-utils saknas.');

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    WCAG_21_AA,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe.skipIf(!hasChromium)('the published site in Chromium', () => {
  let browser: Browser;
  let site: string;
  let pages: string[];

  beforeAll(async () => {
    site = path.join(mkdtempSync(path.join(tmpdir(), 'handlingar-browser-')), 'webbplats');
    await publish(EXAMPLE, site, { pdf: hasPdfTools });
    pages = readdirSync(site, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'))
      .sort();
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('every page has no WCAG 2.1 A or AA violation and headings without gaps', async () => {
    // The index, the meeting page, 38 handlingar, the protokoll and the anslagsbevis.
    expect(pages).toHaveLength(42);
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const file of pages) {
      await page.goto(pathToFileURL(path.join(site, file)).href);
      for (const violation of await axe(page)) problems.push(`${file}: ${violation}`);
      const levels = await page.$$eval('h1,h2,h3,h4,h5,h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      if (levels[0] !== 1 || levels.filter((l) => l === 1).length !== 1) problems.push(`${file}: en h1 först`);
      levels.slice(1).forEach((level, i) => {
        if (level > levels[i]! + 1) problems.push(`${file}: h${levels[i]} följs av h${level}`);
      });
      expect(await page.$eval('html', (h) => h.lang), file).toBe('sv');
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it('a meeting page can be used with the keyboard alone: Tab reaches every link, and focus is visible', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, '2024-09-12/index.html')).href);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    const reached: string[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < links.length + 5; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        return {
          href: element.getAttribute('href') ?? element.tagName,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          onScreen: rect.width > 0 && rect.height > 0 && rect.left >= 0,
        };
      });
      if (!focused) continue;
      reached.push(focused.href);
      if (!focused.outline || !focused.onScreen) invisible.push(focused.href);
    }
    expect(new Set(reached)).toEqual(new Set(links));
    expect(reached[0]).toBe('#innehall'); // the skip link comes first
    expect(invisible).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasPdfTools)(
    'every linked PDF is tagged and PDF/A, and a second publication gives the same bytes',
    async () => {
      const meeting = readFileSync(path.join(site, '2024-09-12/index.html'), 'utf8');
      const pdfs = [...meeting.matchAll(/href="([^"]+\.pdf)"/g)].map((m) => m[1]!);
      expect(pdfs).toHaveLength(40);
      for (const pdf of pdfs) {
        const file = path.join(site, '2024-09-12', pdf);
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), pdf).toMatch(/^Tagged:\s+yes$/m);
        expect(execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }), pdf).toContain(
          '<pdfaid:part>2</pdfaid:part>',
        );
      }
      const again = path.join(mkdtempSync(path.join(tmpdir(), 'handlingar-browser-')), 'webbplats');
      const second = await publish(EXAMPLE, again, { pdf: true });
      for (const file of second.written)
        expect(readFileSync(path.join(again, file)).equals(readFileSync(path.join(site, file))), file).toBe(true);
    },
    300_000,
  );

  it('the preview reloads the open page within a second of a change, and stops on Ctrl+C with 130', async () => {
    const root = scratchCopy(EXAMPLE);
    const meeting = path.join(root, 'moten/2024-09-12');
    const child = spawn(process.execPath, ['bin/handlingar.js', 'förhandsgranska', meeting, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const found = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(output)?.[0];
          if (found) {
            clearInterval(timer);
            resolve(found);
          }
        }, 50);
        setTimeout(() => reject(new Error(`ingen adress: ${output}`)), 30_000);
      });
      const page = await browser.newPage();
      await page.goto(url);
      expect(await page.$eval('main', (m) => m.textContent)).toContain('konferensrum Askholmen');
      // The preview's page passes the same checks; its one script is the reload.
      expect(await axe(page)).toEqual([]);
      const file = path.join(meeting, 'mote.yaml');
      const started = Date.now();
      writeFileSync(file, readFileSync(file, 'utf8').replace('konferensrum Askholmen', 'konferensrum Fyrisån'));
      await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Fyrisån'), {
        timeout: 5_000,
        polling: 20,
      });
      const elapsed = Date.now() - started;
      console.log(`förhandsgranskningen visade ändringen efter ${elapsed} ms`);
      expect(elapsed).toBeLessThan(1_000);
      await page.close();
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(130);
    expect(output).toContain('Förhandsgranskningen avslutad.');
  }, 120_000);
});
