// The förbund's economy table (ekonomisk information): every stated sum, result and
// beslutsutrymme against its parts, column by column. Like the spreadsheet it mirrors,
// each figure is compared with its immediate parts, stated where they are stated.
import type { Ekonomi } from '../../schemas/index.js';
import type { Finding, FindingCode } from '../findings.js';
import type { Loaded } from '../load/content.js';
import type { Path } from '../load/source.js';
import { compareAmount, report } from './report.js';

type Row = readonly (number | null)[];

export function checkEconomy({ data, source }: Loaded<Ekonomi>): Finding[] {
  const findings: Finding[] = [];
  const columns = data.kolumner;
  const width = columns.length;

  const rows: [Path, Row | undefined][] = [
    ...data.intäkter.map((row, i): [Path, Row] => [['intäkter', i, 'belopp'], row.belopp]),
    ...data.kostnader.map((row, i): [Path, Row] => [['kostnader', i, 'belopp'], row.belopp]),
    ...data.samverkansinsatser.beviljade.map((row, i): [Path, Row] => [['samverkansinsatser', 'beviljade', i, 'belopp'], row.belopp]),
    ...data.samverkansinsatser.övriga.map((row, i): [Path, Row] => [['samverkansinsatser', 'övriga', i, 'belopp'], row.belopp]),
    [['summa_intäkter'], data.summa_intäkter],
    [['samverkansinsatser', 'summa_beviljade'], data.samverkansinsatser.summa_beviljade],
    [['samverkansinsatser', 'summa_övriga'], data.samverkansinsatser.summa_övriga],
    [['samverkansinsatser', 'summa'], data.samverkansinsatser.summa],
    [['summa_kostnader'], data.summa_kostnader],
    [['resultat'], data.resultat],
    [['överskott_tidigare_år'], data.överskott_tidigare_år],
    [['beslutsutrymme'], data.beslutsutrymme],
  ];
  for (const [at, row] of rows) {
    if (row && row.length !== width) {
      findings.push(report('ekonomi.kolumner', source, at, `raden har ${row.length} värden, men tabellen har ${width} kolumner (${columns.map((c) => c.rubrik).join(', ')}); skriv ~ för en tom cell`));
    }
  }

  const cell = (row: Row | undefined, column: number) => row?.[column] ?? 0;
  const total = (list: readonly { belopp: Row }[], column: number) => list.reduce((acc, row) => acc + cell(row.belopp, column), 0);
  /** The stated figure where there is one, else what its parts give. */
  const statedOr = (row: Row | undefined, column: number, computed: number) => row?.[column] ?? computed;
  const compare = (code: FindingCode, row: Row | undefined, at: Path, column: number, what: string, computed: number, parts: string) =>
    findings.push(...compareAmount(code, source, [...at, column], `${what} ${columns[column]!.rubrik}`, row?.[column] ?? undefined, computed, parts));

  const { samverkansinsatser: s } = data;
  columns.forEach((column, c) => {
    const income = statedOr(data.summa_intäkter, c, total(data.intäkter, c));
    const granted = statedOr(s.summa_beviljade, c, total(s.beviljade, c));
    const other = statedOr(s.summa_övriga, c, total(s.övriga, c));
    const cooperation = statedOr(s.summa, c, granted + other);
    const costs = statedOr(data.summa_kostnader, c, total(data.kostnader, c) + cooperation);
    const result = statedOr(data.resultat, c, income - costs);
    const previous = columns.findLastIndex((candidate) => candidate.år === column.år - 1 && candidate.slag !== 'budget');
    const previousAny = previous >= 0 ? previous : columns.findLastIndex((candidate) => candidate.år === column.år - 1);
    const carried = previousAny >= 0 ? statedOr(data.beslutsutrymme, previousAny, 0) : data.ingående_överskott;
    const carriedStated = statedOr(data.överskott_tidigare_år, c, carried);

    compare('ekonomi.summa', data.summa_intäkter, ['summa_intäkter'], c, 'Summa intäkter', total(data.intäkter, c), 'intäkterna summerar till');
    compare('ekonomi.summa', s.summa_beviljade, ['samverkansinsatser', 'summa_beviljade'], c, 'Summa beviljade samverkansinsatser', total(s.beviljade, c), 'insatserna summerar till');
    compare('ekonomi.summa', s.summa_övriga, ['samverkansinsatser', 'summa_övriga'], c, 'Summa övriga samverkansinsatser', total(s.övriga, c), 'raderna summerar till');
    compare('ekonomi.summa', s.summa, ['samverkansinsatser', 'summa'], c, 'Samverkansinsatser', granted + other, 'beviljade och övriga insatser summerar till');
    compare('ekonomi.summa', data.summa_kostnader, ['summa_kostnader'], c, 'Summa kostnader', total(data.kostnader, c) + cooperation, 'kostnaderna och samverkansinsatserna summerar till');
    compare('ekonomi.resultat', data.resultat, ['resultat'], c, 'Årets resultat', income - costs, 'intäkter minus kostnader är');
    compare('ekonomi.beslutsutrymme', data.överskott_tidigare_år, ['överskott_tidigare_år'], c, 'Överskott från tidigare år', carried, previousAny >= 0 ? `kvarvarande beslutsutrymme i ${columns[previousAny]!.rubrik} är` : 'ingående överskott är');
    compare('ekonomi.beslutsutrymme', data.beslutsutrymme, ['beslutsutrymme'], c, 'Kvarvarande beslutsutrymme', carriedStated + result, 'överskott från tidigare år plus årets resultat är');
  });
  return findings;
}
