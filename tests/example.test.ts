// The example meeting is the engine's first real audit. Each finding below was compared with
// seed 004 by hand (see the README's example section); the list is complete: a new finding
// or a lost one fails this test.
import { describe, expect, it } from 'vitest';
import { check } from '../engine/index.js';
import type { Figure } from '../engine/findings.js';

const show = (figure: Figure | undefined) =>
  figure === undefined
    ? ''
    : 'amount' in figure
      ? String(figure.amount / 100)
      : 'percent' in figure
        ? `${figure.percent / 100} %`
        : figure.text;

const EXPECTED = [
  'ekonomi.summa content/ekonomi.yaml:29:48 0 → 1000000',
  'ekonomi.summa content/ekonomi.yaml:48:51 0 → 1245000',
  'budget.rad-per-år ansokningar/en-vag-in-steget-vidare.yaml:69:21 436000 → 449210',
  'budget.rad-per-år ansokningar/en-vag-in-steget-vidare.yaml:71:21 1923000 → 1981267',
  'budget.rad-per-år ansokningar/en-vag-in-steget-vidare.yaml:73:21 1923000 → 1981267',
  'budget.delsumma-per-år ansokningar/en-vag-in-steget-vidare.yaml:78:25 1427333 → 1427333.33',
  'budget.delsumma-per-år ansokningar/en-vag-in-steget-vidare.yaml:78:47 1470153 → 1470153.33',
  'budget.delsumma-per-år ansokningar/en-vag-in-steget-vidare.yaml:78:69 1514258 → 1514257.93',
  'budget.avstämning ansokningar/en-vag-in-steget-vidare.yaml:99:24 4798000 → 4927745',
  'budget.rad-per-år ansokningar/forstarkt-stod-forlangning.yaml:72:21 1899065 → 1899066',
  'budget.rad-per-år ansokningar/forstarkt-stod-forlangning.yaml:74:21 1899065 → 1899066',
  'budget.avstämning ansokningar/forstarkt-stod-forlangning.yaml:102:24 4418130 → 4418132',
  'budget.grupp-per-år ansokningar/framsteget.yaml:102:15 33000 → 30000',
  'budget.avstämning ansokningar/framsteget.yaml:110:24 7526600 → 7523600',
  'budget.rad-per-år ansokningar/lokussamordnare-alvkarleby.yaml:59:21 444375 → 444376',
  'budget.delsumma-per-år ansokningar/lokussamordnare-alvkarleby.yaml:64:25 119017 → 119016.92',
  'budget.delsumma-per-år ansokningar/lokussamordnare-alvkarleby.yaml:64:45 161069 → 161068.68',
  'budget.delsumma-per-år ansokningar/lokussamordnare-alvkarleby.yaml:64:65 164290 → 164289.64',
  'datum.start-före-möte ansokningar/registerstudie-rehabiliteringskoordinatorer.yaml:18:17',
  'budget.fördelning-saknas ansokningar/samordnat-stod-for-arbete-eller-studier.yaml:68:3',
  'budget.fördelning-ofullständig ansokningar/vaxtkraft.yaml:84:5',
  'budget.avstämning ansokningar/vaxtkraft.yaml:99:24 8260000 → 8040000',
  'ärende.beslutsorgan arenden/ekonomisk-information.yaml:6:10 Förbundsstyrelsen → Arbetsutskottet',
  'person.justerare mote.yaml:12:14 Lars-Göran Björkhorn Karlsen → Lars-Göran Björkhorn Karlson',
];

describe('the example meeting of 2024-09-12', () => {
  const result = check('content/moten/2024-09-12');

  it('gives exactly the findings that were verified against the seed', () => {
    const actual = result.findings.map((f) => {
      const figures = f.expected || f.found ? ` ${show(f.expected)} → ${show(f.found)}` : '';
      return `${f.code} ${f.file.replace('content/moten/2024-09-12/', '')}:${f.line}:${f.column}${figures}`;
    });
    expect(actual).toEqual(EXPECTED);
  });

  it('loads all 19 agenda items and 11 ansökningar', () => {
    expect(result.counts).toEqual({ meetings: 1, ansokningar: 11, arenden: 19 });
  });

  it('is found the same way through the content folder', () => {
    expect(check('content').findings).toEqual(result.findings);
  });
});
