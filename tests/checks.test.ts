// Each reconciliation check: a consistent meeting passes them all, and one edit trips one check
// at the line of the figure to fix, with expected, found and the difference.
import { describe, expect, it } from 'vitest';
import { check } from '../engine/index.js';
import type { FindingCode } from '../engine/findings.js';
import { APPLICATION, ARENDE, edit, findingsAfter, lineOf, MINIMAL, MOTE, scratchCopy } from './helpers.js';

type Edit = [file: string, from: string | RegExp, to: string];

interface Case {
  code: FindingCode;
  edits: Edit[];
  /** File and a text on the line where the finding must point. */
  at: [file: string, needle: string];
  expected?: number | string;
  found?: number | string;
}

const cases: Case[] = [
  {
    code: 'budget.radsumma',
    edits: [[APPLICATION, 'summa: "90 000,50"', 'summa: "90 500,50"']],
    at: [APPLICATION, 'post: Samordnare'],
    expected: 9_000_050,
    found: 9_050_050,
  },
  {
    code: 'budget.rad-per-år',
    edits: [[APPLICATION, 'per_år: { 2025: 150 000, 2026: 150 000 }', 'per_år: { 2025: 150 000, 2026: 147 000 }']],
    at: [APPLICATION, '2025: 150 000, 2026'],
    expected: 30_000_000,
    found: 29_700_000,
  },
  {
    code: 'budget.grupp-per-år',
    edits: [[APPLICATION, 'per_år: { 2025: "4 999,50", 2026: 5 000 }', 'per_år: { 2025: "4 999,50", 2026: 4 000 }']],
    at: [APPLICATION, '2025: "4 999,50"'],
    expected: 999_950,
    found: 899_950,
  },
  {
    code: 'budget.år-utanför-period',
    edits: [[APPLICATION, 'per_år: { 2025: 150 000, 2026: 150 000 }', 'per_år: { 2025: 150 000, 2027: 150 000 }']],
    at: [APPLICATION, '2025: 150 000, 2027'],
  },
  {
    code: 'budget.radperiod',
    edits: [[APPLICATION, 'från: 2025-07-01, till: 2026-06-30, belopp', 'från: 2025-06-01, till: 2026-06-30, belopp']],
    at: [APPLICATION, 'post: Coach'],
  },
  {
    code: 'budget.delsumma',
    edits: [[APPLICATION, 'Testa kommun: 340 000', 'Testa kommun: 350 000']],
    at: [APPLICATION, 'Testa kommun: 350 000'],
    expected: 34_000_000,
    found: 35_000_000,
  },
  {
    code: 'budget.delsumma-per-år',
    edits: [[APPLICATION, 'per_år: { 2025: 195 000,', 'per_år: { 2025: 196 000,']],
    at: [APPLICATION, '2025: 196 000'],
    expected: 19_500_000,
    found: 19_600_000,
  },
  {
    code: 'budget.tjänst',
    edits: [[APPLICATION, 'summa: { tjänst: 70 %', 'summa: { tjänst: 75 %']],
    at: [APPLICATION, 'summa: { tjänst:'],
  },
  {
    code: 'budget.avstämning',
    edits: [[APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: 397 000']],
    at: [APPLICATION, 'avstämning_per_år'],
    expected: 40_000_000,
    found: 39_700_000,
  },
  {
    code: 'budget.total',
    edits: [[APPLICATION, 'totalt: 460 000 }\n  sammanställning', 'totalt: 470 000 }\n  sammanställning']],
    at: [APPLICATION, '  total: {'],
    expected: 46_000_000,
    found: 47_000_000,
  },
  {
    code: 'budget.sammanställning',
    edits: [
      [
        APPLICATION,
        'Försäkringskassan: { rekvirera: 0, egenfinansiering: 20 000',
        'Försäkringskassan: { rekvirera: 0, egenfinansiering: 25 000',
      ],
    ],
    at: [APPLICATION, 'Försäkringskassan: { rekvirera'],
  },
  {
    code: 'budget.fördelning-ofullständig',
    edits: [[APPLICATION, '      per_år: { 2025: "4 999,50", 2026: 5 000 }\n', '']],
    at: [APPLICATION, '    övrigt:'],
  },
  {
    code: 'ref.part-okänd',
    edits: [
      [APPLICATION, 'Region Test: "50 000,50" }, summa: "90 000,50"', 'Regionen: "50 000,50" }, summa: "90 000,50"'],
    ],
    at: [APPLICATION, 'Regionen'],
  },
  {
    code: 'ansökan.finansiering',
    edits: [[APPLICATION, 'ansökt: 400 000', 'ansökt: 410 000']],
    at: [APPLICATION, 'ansökt:'],
    expected: 40_000_000,
    found: 41_000_000,
  },
  {
    code: 'beslut.belopp',
    edits: [[ARENDE, 'belopp: 390 000', 'belopp: 380 000']],
    at: [ARENDE, 'belopp: 380 000'],
    expected: 39_000_000,
    found: 38_000_000,
  },
  {
    code: 'beslut.period',
    edits: [[ARENDE, 'till: 2026-06-30 }', 'till: 2026-03-31 }']],
    at: [ARENDE, 'period:'],
    expected: '2026-06-30',
    found: '2026-03-31',
  },
  {
    code: 'beslut.överskrider',
    edits: [[ARENDE, 'belopp: 390 000', 'belopp: 400 000']],
    at: [ARENDE, 'belopp: 400 000'],
    expected: 39_000_000,
    found: 40_000_000,
  },
  {
    code: 'justering.per-år',
    edits: [[ARENDE, 'per_år: { 2025: 10 000 }', 'per_år: { 2025: 5 000 }']],
    at: [ARENDE, 'per_år: { 2025: 5 000 }'],
  },
  {
    code: 'beslut.att-sats',
    edits: [
      [
        ARENDE,
        'undertecknare: Dora Chef',
        'undertecknare: Dora Chef\nförslag_till_beslut:\n  ersätt_standard: true\n  att:\n    - bevilja *Lyftet* 1 juli år 2025 till 30 juni år 2026 med maximalt 395 000 kronor',
      ],
    ],
    at: [ARENDE, 'maximalt 395 000'],
    expected: 39_000_000,
    found: 39_500_000,
  },
  {
    code: 'text.okänd-siffra',
    edits: [
      [ARENDE, 'ärendet: Testa kommun söker medel för *Lyftet*.', 'ärendet: Testa kommun söker {{sokt}} kronor.'],
    ],
    at: [ARENDE, 'ärendet:'],
  },
  { code: 'datum.ordning', edits: [[MOTE, 'datum: 2025-03-13', 'datum: 2025-03-01']], at: [MOTE, 'justering:'] },
  {
    code: 'datum.start-före-möte',
    edits: [
      [APPLICATION, 'period: { från: 2025-07-01', 'period: { från: 2025-03-01'],
      [ARENDE, 'period: { från: 2025-07-01', 'period: { från: 2025-03-01'],
      [APPLICATION, 'från: 2025-07-01, till: 2026-06-30, belopp', 'från: 2025-03-01, till: 2026-06-30, belopp'],
    ],
    at: [APPLICATION, 'period:'],
  },
  {
    code: 'dagordning.nummer',
    edits: [[MOTE, 'nr: 3,', 'nr: 2,']],
    at: [MOTE, 'Information från kansliet'],
    expected: '3',
    found: '2',
  },
  {
    code: 'dagordning.punkt',
    edits: [[MOTE, '{ nr: 4, rubrik: Övriga frågor }', '{ nr: 4 }']],
    at: [MOTE, '{ nr: 4 }'],
  },
  {
    code: 'dagordning.handling',
    edits: [[MOTE, 'handling: bilaga 2–2.1', 'handling: bilaga 2–2.2']],
    at: [MOTE, 'handling:'],
    expected: 'bilaga 2–2.1',
    found: 'bilaga 2–2.2',
  },
  {
    code: 'person.föredragande',
    edits: [[ARENDE, 'föredragande: Erik Utvecklare', 'föredragande: Erik Utveckla']],
    at: [ARENDE, 'föredragande:'],
    expected: 'Erik Utvecklare',
    found: 'Erik Utveckla',
  },
  {
    code: 'person.undertecknare',
    edits: [[ARENDE, 'undertecknare: Dora Chef', 'undertecknare: Ada Ordförande']],
    at: [ARENDE, 'undertecknare:'],
  },
  {
    code: 'person.justerare',
    edits: [[MOTE, 'justerare: Bertil Ledamot', 'justerare: Bertil Ledamoth']],
    at: [MOTE, 'justering:'],
    expected: 'Bertil Ledamot',
    found: 'Bertil Ledamoth',
  },
  {
    code: 'person.förhinder',
    edits: [[MOTE, 'förhinder: Erik Utvecklare', 'förhinder: Ada Ordförande']],
    at: [MOTE, 'förhinder:'],
  },
  {
    code: 'ärende.beslutsorgan',
    edits: [
      [ARENDE, 'undertecknare: Dora Chef', 'undertecknare: Dora Chef\nförslag_till_beslut: { organ: Arbetsutskottet }'],
    ],
    at: [ARENDE, 'förslag_till_beslut'],
  },
];

const figure = (value: number | string) => (typeof value === 'number' ? { amount: value } : { text: value });

describe('the consistent test meeting', () => {
  it('passes every check', () => {
    expect(check(MINIMAL).findings).toEqual([]);
  });
});

describe.each(cases)('$code', ({ code, edits, at, expected, found }) => {
  it('is reported once, at the line of the figure to fix', () => {
    const findings = findingsAfter(...edits);
    const matching = findings.filter((f) => f.code === code);
    expect(matching, JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`))).toHaveLength(1);
    const [finding] = matching;
    expect(finding!.file.endsWith(at[0].split('/').pop()!)).toBe(true);
    expect(finding!.line).toBe(lineOf(at[0], at[1], scratchFor(edits)));
    if (expected !== undefined) expect(finding!.expected).toEqual(figure(expected));
    if (found !== undefined) expect(finding!.found).toEqual(figure(found));
    expect(finding!.message.length).toBeGreaterThan(20);
  });
});

/** The edited content, to find the line numbers the finding must point at. */
function scratchFor(edits: Edit[]): string {
  const root = scratchCopy();
  for (const [file, from, to] of edits) edit(root, file, from, to);
  return root;
}

describe('figures cited in texts', () => {
  it('known names are accepted', () => {
    expect(
      findingsAfter([
        ARENDE,
        'ärendet: Testa kommun söker medel för *Lyftet*.',
        'ärendet: Testa kommun söker {{sökt}} kronor, efter justering {{beviljat}}; {{tjänster}} tjänster.',
      ]),
    ).toEqual([]);
  });
});

describe('the decision is derived', () => {
  it('an ärende without a typed beslut gets no finding: sökt − justeringar is the decision', () => {
    expect(findingsAfter([ARENDE, /beslut:\n.*\n.*\n/, ''])).toEqual([]);
  });
  it('a replaced att-sats with the right amount and period passes', () => {
    const clause =
      'bevilja *Lyftet* för perioden 1 juli år 2025 fram till 30 juni år 2026, med maximalt 390 000 kronor';
    expect(
      findingsAfter([
        ARENDE,
        'undertecknare: Dora Chef',
        `undertecknare: Dora Chef\nförslag_till_beslut:\n  ersätt_standard: true\n  att:\n    - ${clause}`,
      ]),
    ).toEqual([]);
  });
});

describe('messages', () => {
  it('say the stated figure, the computed one and the difference in Swedish', () => {
    const [finding] = findingsAfter([APPLICATION, 'avstämning_per_år: 400 000', 'avstämning_per_år: 397 000']);
    expect(finding!.message).toBe(
      '«S:a per år för avstämning» står som 397 000 kr, men summa från samordningsförbundet är 400 000 kr.',
    );
  });
});

describe('the economy table', () => {
  const ECONOMY = 'ekonomi.yaml';
  it.each([
    [
      'ekonomi.summa',
      'summa_beviljade: [1 200, 1 000, 600]',
      'summa_beviljade: [1 200, 1 000, 700]',
      'summa_beviljade',
      60_000_000,
      70_000_000,
    ],
    [
      'ekonomi.summa',
      'summa_intäkter: [2 100, 2 150, 2 000]',
      'summa_intäkter: [2 100, 2 100, 2 000]',
      'summa_intäkter',
      215_000_000,
      210_000_000,
    ],
    ['ekonomi.resultat', 'resultat: [350, 650, 830]', 'resultat: [350, 600, 830]', 'resultat', 65_000_000, 60_000_000],
    [
      'ekonomi.beslutsutrymme',
      'överskott_tidigare_år: [1 000, 1 000, 1 650]',
      'överskott_tidigare_år: [1 000, 1 000, 1 350]',
      'överskott_tidigare_år',
      165_000_000,
      135_000_000,
    ],
    [
      'ekonomi.beslutsutrymme',
      'beslutsutrymme: [1 350, 1 650, 2 480]',
      'beslutsutrymme: [1 350, 1 650, 2 400]',
      'beslutsutrymme',
      248_000_000,
      240_000_000,
    ],
  ] as const)('%s: one wrong cell gives one finding, at its row', (code, from, to, needle, expected, found) => {
    const findings = findingsAfter([ECONOMY, from, to]);
    expect(findings.map((f) => f.code)).toEqual([code]);
    expect(findings[0]!.line).toBe(lineOf(ECONOMY, needle));
    expect(findings[0]!.expected).toEqual({ amount: expected, unit: 'tkr' });
    expect(findings[0]!.found).toEqual({ amount: found, unit: 'tkr' });
  });
  it('a wrong row is caught once even though the sums above it agree with each other', () => {
    const findings = findingsAfter([
      ECONOMY,
      '{ insats: Bron, insatsägare: Testa kommun, belopp: [1 200, 1 100, 600] }',
      '{ insats: Bron, insatsägare: Testa kommun, belopp: [1 200, 1 100, 500] }',
    ]);
    expect(findings.map((f) => `${f.code}:${f.line}`)).toEqual([`ekonomi.summa:${lineOf(ECONOMY, 'summa_beviljade')}`]);
  });
  it('a row with the wrong number of cells', () => {
    const findings = findingsAfter([ECONOMY, 'belopp: [500, 450, 520]', 'belopp: [500, 450]']);
    expect(findings.map((f) => f.code)).toContain('ekonomi.kolumner');
  });
});
