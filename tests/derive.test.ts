// Derived figures: the decision per year and party, the sammanställning and the economy table.
import { describe, expect, it } from 'vitest';
import { ansokanSchema, arendeSchema, type Ansokan } from '../schemas/index.js';
import { daysPerYear, deriveDecision, requestedByPartyAndYear } from '../engine/derive/decision.js';
import { check } from '../engine/index.js';
import { apportion, roundColumns } from '../engine/money.js';

function ansokan(period: [string, string], rekvirera: object, egenfinansiering?: object): Ansokan {
  return ansokanSchema.parse({
    insats: 'Prov',
    typ: 'individinsats',
    ansökningstyp: 'ny',
    insatsägare: 'Testa kommun',
    målgrupp: { beskrivning: 'Alla.' },
    period: { från: period[0], till: period[1] },
    syfte: 'Pröva.',
    mål: { effektmål: 'Bättre.' },
    lokal_grupp: { diskuterad: true },
    budget: {
      parter: ['Testa kommun', 'Försäkringskassan', 'Region Test'],
      rekvirera,
      ...(egenfinansiering ? { egenfinansiering } : {}),
    },
  });
}
const arende = (justeringar: object[] = []) =>
  arendeSchema.parse({ rubrik: 'Prov', föredragande: 'X', undertecknare: 'X', ansökan: 'prov', justeringar });
const kr = (n: number) => n * 100;

describe('apportion and days', () => {
  it('splits exactly, largest remainder first', () => {
    expect(apportion(kr(250_000), [1, 1, 1])).toEqual([8_333_334, 8_333_333, 8_333_333]);
    expect(apportion(100, [0, 0])).toEqual([100, 0]);
  });
  it('counts the days of a period per year', () => {
    expect(daysPerYear({ från: '2024-10-01', till: '2026-12-31' })).toEqual([92, 365, 365]);
    expect(daysPerYear({ från: '2025-07-01', till: '2025-12-31' })).toEqual([184]);
  });
});

describe('the decision per party and year', () => {
  it('an ansökan over one year', () => {
    const a = ansokan(['2025-01-01', '2025-06-30'], { lön: { rader: [{ post: 'Coach', belopp: 300_000 }] } });
    const decision = deriveDecision(a, arende());
    expect(decision).toMatchObject({
      sökt: kr(300_000),
      justeringar: 0,
      beviljat: kr(300_000),
      från: '2025-01-01',
      till: '2025-06-30',
    });
    expect(decision.perPartyAndYear).toEqual({ 'Testa kommun': { 2025: kr(300_000) } });
  });

  it('an ansökan over five years, split per line and per group', () => {
    const years = { 2025: 100_000, 2026: 100_000, 2027: 100_000, 2028: 100_000, 2029: 100_000 };
    const a = ansokan(['2025-01-01', '2029-12-31'], {
      lön: { rader: [{ post: 'Coach', belopp: 500_000, per_år: years }] },
      övrigt: {
        rader: [{ post: 'Resor', belopp: { 'Testa kommun': 30_000, 'Region Test': 20_000 } }],
        per_år: { 2025: 10_000, 2026: 10_000, 2027: 10_000, 2028: 10_000, 2029: 10_000 },
      },
    });
    const byParty = requestedByPartyAndYear(a).byPartyAndYear;
    expect(byParty['Testa kommun']![2029]).toBe(kr(106_000));
    expect(byParty['Region Test']![2029]).toBe(kr(4_000));
    const total = Object.values(byParty)
      .flatMap((years) => Object.values(years))
      .reduce((x, y) => x + y, 0);
    expect(total).toBe(kr(550_000));
  });

  it('an ansökan starting mid-year without a split is spread by days', () => {
    const a = ansokan(['2025-07-01', '2026-06-30'], { lön: { rader: [{ post: 'Coach', belopp: 365_000 }] } });
    expect(requestedByPartyAndYear(a).byPartyAndYear['Testa kommun']).toEqual({ 2025: kr(184_000), 2026: kr(181_000) });
  });

  it('justeringar with and without a split per year', () => {
    const a = ansokan(['2025-01-01', '2026-12-31'], {
      lön: { rader: [{ post: 'Coach', belopp: 400_000, per_år: { 2025: 200_000, 2026: 200_000 } }] },
    });
    const split = deriveDecision(
      a,
      arende([{ belopp: 50_000, per_år: { 2026: 50_000 }, skäl: 'x', föreslagen_av: 'X' }]),
    );
    expect(split.beviljat).toBe(kr(350_000));
    expect(split.perPartyAndYear['Testa kommun']).toEqual({ 2025: kr(200_000), 2026: kr(150_000) });
    const proportional = deriveDecision(a, arende([{ belopp: 50_000, skäl: 'x', föreslagen_av: 'X' }]));
    expect(proportional.perPartyAndYear['Testa kommun']).toEqual({ 2025: kr(175_000), 2026: kr(175_000) });
  });

  it('egenfinansiering from several parties is not part of what is granted', () => {
    const a = ansokan(
      ['2025-01-01', '2025-12-31'],
      { lön: { rader: [{ post: 'Coach', belopp: 100_000 }] } },
      { lön: { rader: [{ post: 'Chef', belopp: { 'Testa kommun': 40_000, Försäkringskassan: 20_000 } }] } },
    );
    expect(deriveDecision(a, arende()).beviljat).toBe(kr(100_000));
    expect(Object.keys(requestedByPartyAndYear(a).byPartyAndYear)).toEqual(['Testa kommun']);
  });
});

describe('rounding to tkr', () => {
  it('keeps every column adding up to its rounded sum', () => {
    const rows = [[8_333_333], [8_333_333], [8_333_334]];
    const rounded = roundColumns(rows, 'tkr');
    expect(rounded.flat().reduce((a, b) => a + b, 0)).toBe(250 * 100_000);
    expect(rounded.flat().sort()).toEqual([83, 83, 84].map((t) => t * 100_000));
  });
});

describe('on the example meeting', () => {
  const { derived } = check('content/moten/2024-09-12').meetings[0]!;

  it('the sammanställning has the seed totals before and after justeringar', () => {
    const summary = derived.summary;
    expect(summary.rows).toHaveLength(11);
    expect(summary.sökt).toBe(kr(53_847_710));
    expect(summary.justeringar).toBe(kr(1_345_000));
    expect(summary.beviljat).toBe(kr(52_502_710));
    const registerstudie = summary.rows.find((r) => r.ansokan.data.insats.startsWith('Registerstudie'))!;
    expect(registerstudie.decision).toMatchObject({ sökt: kr(350_000), beviljat: kr(337_000) });
    expect(registerstudie.ansokan.data).toMatchObject({ ansökningstyp: 'ny', typ: 'strukturinsats' });
  });

  it('the ekonomisk information adds up, column by column, and is cumulative after the ansökningar', () => {
    const table = derived.economy!;
    const tkr = (values: readonly (number | null)[]) => values.map((v) => (v ?? 0) / 100_000);
    const row = (label: string) => tkr(table.rows.find((r) => r.label === label)!.values);
    const pending = table.rows.slice(table.rows.findIndex((r) => r.label.startsWith('Nya ansökningar')) + 1, -2);
    table.columns.forEach((_, c) =>
      expect(pending.reduce((acc, r) => acc + tkr(r.values)[c]!, 0)).toBe(row('Summa nya ansökningar')[c]),
    );
    // Prel 2027 and 2028 as ekonomi.yaml states them (the seed's figures; the check reports them).
    expect(row('Kvarvarande beslutsutrymme')).toEqual([3401, 4830, 18213, 34240, 49817, 66340]);
    expect(derived.economy!.computed.map((c) => c.remaining / 100_000)).toEqual([
      3401, 4830, 18213, 34240, 51062, 68585,
    ]);
    expect(row('Växtkraft – Enköping (Enköpings kommun) – fördelat av handlingar efter dagar')).toEqual([
      0, 0, 2753, 2753, 2754, 0,
    ]);
    const after = row('Beslutsutrymme efter föreslagna ansökningar');
    const sums = row('Summa nya ansökningar');
    expect(after[2]).toBe(row('Kvarvarande beslutsutrymme')[2]! - sums[1]! - sums[2]!);
    // Budget 2024 and Prognos 2024 are alternatives for one year: each subtracts its own ansökningar once.
    expect(table.columns.slice(0, 2)).toEqual(['Budget 2024', 'Prognos 2024']);
    expect(after[0]).toBe(row('Kvarvarande beslutsutrymme')[0]! - sums[0]!);
    expect(after[1]).toBe(row('Kvarvarande beslutsutrymme')[1]! - sums[1]!);
  });
});
