// The document model and its writers: the Word files read back with mammoth are what they
// were before the model existed (tests/golden, with the intended fixes), the HTML writer
// renders every document from the same model, money is exact to the page, derivations run
// once, and the stages import only what comes before them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { check, KALLELSE_PACKET, planProduct, renderHtmlDocument, type PlannedDocument } from '../engine/index.js';
import { build } from '../engine/output/build.js';
import { edit, MINIMAL_MEETING, scratchCopy } from './helpers.js';

const counted = vi.hoisted(() => ({ decisions: 0 }));
vi.mock('../engine/derive/decision.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../engine/derive/decision.js')>();
  return {
    ...original,
    deriveDecision: (...args: Parameters<typeof original.deriveDecision>) => {
      counted.decisions += 1;
      return original.deriveDecision(...args);
    },
  };
});

const MEETING = 'content/moten/2024-09-12';
const GOLDEN = 'tests/golden';

/** A Word file as mammoth reads it, one block element a line (the form the golden files keep). */
async function mammothHtml(file: string): Promise<string> {
  const { value } = await mammoth.convertToHtml({ path: file });
  return value.replace(/<\/(p|h\d|tr|table|li|ol|ul)>/g, '</$1>\n');
}

describe('the Word writer fed from the model', () => {
  let out: string;
  beforeAll(() => {
    out = path.join(scratchCopy(), 'ut');
    build(MEETING, { outDir: out });
  });

  it('writes every document of the example with the text and tables it had before the model', async () => {
    const golden = readdirSync(GOLDEN).filter((f) => f.endsWith('.html'));
    const built = readdirSync(out).filter((f) => f.endsWith('.docx'));
    expect(built.map((f) => f.replace(/\.docx$/, '.html')).sort()).toEqual(golden.sort());
    for (const file of built) {
      const expected = readFileSync(path.join(GOLDEN, file.replace(/\.docx$/, '.html')), 'utf8');
      expect(await mammothHtml(path.join(out, file)), file).toBe(expected);
    }
  });
});

/** Headings and table cells of an HTML page, read back with plain patterns. */
function readBack(html: string) {
  const text = (fragment: string) =>
    fragment
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  const headings = [...html.matchAll(/<h(\d)>([\s\S]*?)<\/h\1>/g)].map(([, level, body]) => ({
    level: Number(level),
    text: text(body!),
  }));
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, body]) =>
    [...body!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell!)),
    ),
  );
  return { headings, tables };
}

describe('the HTML writer fed from the same model', () => {
  const checked = check(MEETING).meetings[0]!;
  const documents = planProduct(KALLELSE_PACKET, checked);
  const pages = documents.map((document) => ({ document, html: renderHtmlDocument(document) }));

  it('renders every document of the example as a page in Swedish, with headings in order', () => {
    expect(pages).toHaveLength(38);
    for (const { document, html } of pages) {
      expect(html, document.name).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
      const { headings } = readBack(html);
      expect(headings[0]?.level, document.name).toBe(1);
      headings
        .slice(1)
        .forEach((heading, i) => expect(heading.level, document.name).toBeLessThanOrEqual(headings[i]!.level + 1));
      expect(html, document.name).not.toMatch(/<w:|\{\{|undefined|NaN|\d[.,]\d{6,}/);
    }
  });

  it('gives the kallelse its agenda as a table with column headers, one row per item', () => {
    const { html } = pages[0]!;
    expect(html).toContain('<th scope="col">Ärenderubrik</th>');
    const [agenda] = readBack(html).tables;
    expect(agenda![0]).toEqual(['Nr', 'Ärenderubrik', 'Föredragande', 'Övriga uppgifter']);
    expect(agenda).toHaveLength(1 + checked.derived.agenda.length);
    expect(agenda![5]).toEqual(['5', 'Ansökan Växtkraft – Enköping', expect.any(String), 'Handling – bilaga 5–5.1']);
  });

  it('gives a budget page the same figures as its Word file', () => {
    const page = pages.find(({ document }) => document.name === '07.1b-budget-framsteget')!;
    const { headings, tables } = readBack(page.html);
    expect(headings.map((h) => h.text)).toEqual([
      'Budget – detaljerad',
      'Insatsbudget fördelad över insatstid',
      'Budgetsammanställning',
    ]);
    const years = tables[1]!;
    expect(years[0]).toEqual(['Post', 'Totalt', '2025', '2026', '2027', '2028']);
    expect(years.find((row) => row[0] === 'Insatsansvarig 20%')).toEqual([
      'Insatsansvarig 20%',
      '628\u00a0000',
      '151\u00a0000',
      '155\u00a0000',
      '159\u00a0000',
      '163\u00a0000',
    ]);
    expect(tables[2]![1]).toEqual([
      'Håbo kommun',
      '7\u00a0526\u00a0600',
      '4\u00a0500\u00a0000',
      '12\u00a0026\u00a0600',
    ]);
  });

  it('fills figures cited with digits in their names (ärende 3)', () => {
    const page = pages.find(({ document }) => document.name === '03-tjansteskrivelse-ekonomisk-information')!;
    expect(page.html).toContain('Resultatet för 2024 beräknas till −1\u00a0530 tkr');
  });
});

describe('money is exact from the content to the page', () => {
  it('shows a decimal tkr cell as typed, and sums with it to the öre', () => {
    const root = scratchCopy();
    edit(
      root,
      'ekonomi.yaml',
      '{ post: Förvaltning, belopp: [500, 450, 520] }',
      '{ post: Förvaltning, belopp: ["-2 958,79", 450, 520] }',
    );
    edit(
      root,
      `${MINIMAL_MEETING}/arenden/lyftet.yaml`,
      'undertecknare: Dora Chef',
      'undertecknare: Dora Chef\ntabell: ekonomi',
    );
    const checked = check(path.join(root, MINIMAL_MEETING)).meetings[0]!;
    const economy = checked.derived.economy!;
    expect(economy.rows.find((r) => r.label === 'Förvaltning')!.values[0]).toBe(-295_879_000);
    const documents = planProduct(KALLELSE_PACKET, checked);
    const html = documents.map(renderHtmlDocument).join('\n');
    expect(html).toContain('−2\u00a0958,79');
    // Summa kostnader: −2 958,79 + 1 200 + 50.
    expect(html).toContain('−1\u00a0708,79');
    expect(html).not.toMatch(/\d[.,]\d{3,}/);
  });
});

describe('each derived value is computed once per run', () => {
  it('check derives each decision once per ansökan ärende', () => {
    counted.decisions = 0;
    const result = check(MEETING);
    expect(result.meetings[0]!.derived.decisions.size).toBe(11);
    expect(counted.decisions).toBe(11);
  });

  it('planning the documents derives no decision again', () => {
    const checked = check(MEETING).meetings[0]!;
    counted.decisions = 0;
    const documents: PlannedDocument[] = planProduct(KALLELSE_PACKET, checked);
    expect(documents.length).toBe(38);
    expect(counted.decisions).toBe(0);
  });
});

describe('the stages import only what comes before them', () => {
  const imports = (dir: string) =>
    readdirSync(path.join('engine', dir), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((file) => {
        const source = readFileSync(path.join('engine', dir, file), 'utf8');
        return [...source.matchAll(/from '([^']+)'/g)].map(([, target]) => ({
          file: `${dir}/${file}`,
          target: path.join('engine', dir, path.dirname(file), target!),
        }));
      })
      .filter(({ target }) => target.startsWith('engine'));
  const LATER: Record<string, string[]> = {
    load: ['derive', 'check', 'documents', 'writers', 'output', 'report', 'cli', 'index'],
    derive: ['check', 'documents', 'writers', 'output', 'report', 'cli', 'index'],
    check: ['documents', 'writers', 'output', 'report', 'cli', 'index'],
    documents: ['writers', 'output', 'report', 'cli', 'index'],
    writers: ['output', 'report', 'cli', 'index'],
  };
  it.each(Object.keys(LATER))('%s/ imports no later stage, no writer and not the public API', (stage) => {
    const backwards = imports(stage).filter(({ target }) =>
      LATER[stage]!.some((later) => target === `engine/${later}.js` || target.startsWith(`engine/${later}/`)),
    );
    expect(backwards).toEqual([]);
  });
});
