// The findings every stage reports: one shape, one registry of stable codes, one way to make
// one (`finding`), and the Result that carries a stage's value together with its findings.
import type { Unit } from './money.js';
import { showInvisible } from './format/invisible.js';
import { locate, type Path, type SourceFile, type SourcePosition } from './load/source.js';

export type Severity = 'fel' | 'varning';

/**
 * A figure in a finding: an amount in öre (shown in tkr when the table it comes from is in
 * tkr), a percentage in hundredths, or plain text.
 */
export type Figure = { amount: number; unit?: Unit } | { percent: number } | { text: string };

export interface Finding extends SourcePosition {
  code: FindingCode;
  severity: Severity;
  message: string;
  expected?: Figure;
  found?: Figure;
  /** What to do about it, when that is not obvious from the message. */
  hint?: string;
}

interface CodeInfo {
  severity: Severity;
  /** One line: what trips this check, for the README and `--help`. */
  example: string;
}

/** Every finding code, with its severity and an example of what trips it. */
export const CODES = {
  'fil.läsfel': { severity: 'fel', example: 'en fil som inte kan läsas, eller en sökväg som inte finns' },
  'fil.kodning': { severity: 'fel', example: 'en fil sparad i Latin-1 i stället för UTF-8' },
  'fil.storlek': { severity: 'fel', example: 'en innehållsfil större än 1 MB' },
  'fil.tom': { severity: 'fel', example: 'en tom mote.yaml' },
  'fil.utanför': {
    severity: 'fel',
    example: 'en bilaga med sökvägen ../../hemligt.pdf eller en symbolisk länk ut ur innehållsmappen',
  },
  'yaml.syntax': { severity: 'fel', example: 'ett kolon som saknas, en tabb i indraget, en oavslutad sträng' },
  'yaml.dubblettnyckel': { severity: 'fel', example: 'två rader `belopp:` i samma budgetrad' },
  'yaml.alias': { severity: 'fel', example: 'ankare och alias (&a, *a): varje uppgift skrivs en gång' },
  'schema.okänd-nyckel': { severity: 'fel', example: '`beloop: 15 000` (menade du `belopp`?)' },
  'schema.saknas': { severity: 'fel', example: 'en ansökan utan `period`' },
  'schema.typ': { severity: 'fel', example: '`samverkansparter: Försäkringskassan` där en lista väntas' },
  'schema.värde': { severity: 'fel', example: '`typ: individ` där individinsats eller strukturinsats väntas' },
  'schema.belopp': { severity: 'fel', example: '`belopp: 8.260.000`, `8,260,000`, `ca 8 mkr` eller `1e6`' },
  'schema.datum': { severity: 'fel', example: '`till: 2025-06-31` (datumet finns inte)' },
  'schema.procent': { severity: 'fel', example: '`tjänst: åttiofem`' },
  'schema.år': { severity: 'fel', example: '`per_år: { år1: 510 000 }` där årtal väntas' },
  'schema.fyll-i': {
    severity: 'fel',
    example: '`plats: FYLL I` eller `# FYLL I` kvar från `handlingar ny`; stoppar bygget',
  },
  'ref.ärende-saknas': { severity: 'fel', example: 'dagordningen pekar på `arenden/vaxtkraf.yaml` som inte finns' },
  'ref.ansökan-saknas': {
    severity: 'fel',
    example: 'ett ärende med `ansökan: framsteg` utan ansokningar/framsteg.yaml',
  },
  'ref.bilaga-saknas': { severity: 'fel', example: 'en bilaga med `fil: bilagor/riktlinjer.pdf` som inte finns' },
  'ref.part-okänd': {
    severity: 'fel',
    example: 'en budgetkolumn «Regionen» som varken är en medlem eller står i budget.parter',
  },
  'ref.oanvänd': { severity: 'varning', example: 'en ansökan eller ett ärende som ingen punkt på dagordningen når' },
  'dagordning.nummer': { severity: 'fel', example: 'punkterna 4, 5, 5, 7: ett nummer dubbelt och ett saknas' },
  'dagordning.punkt': { severity: 'fel', example: 'en punkt med både `ärende:` och `rubrik:`, eller med ingetdera' },
  'dagordning.dubblett': { severity: 'fel', example: 'samma ärende två gånger på dagordningen' },
  'dagordning.handling': { severity: 'fel', example: '`handling: bilaga 5–5.2` när ärende 5 bara har bilaga 5.1' },
  'person.föredragande': { severity: 'fel', example: 'en föredragande som inte finns i kansliet' },
  'person.undertecknare': { severity: 'fel', example: 'en tjänsteskrivelse undertecknad av någon utanför kansliet' },
  'person.justerare': {
    severity: 'fel',
    example: 'en föreslagen justerare som inte är ledamot eller ersättare i styrelsen',
  },
  'person.förhinder': { severity: 'fel', example: 'anmälan om förhinder till någon utanför kansliet' },
  'möte.uppgift-saknas': {
    severity: 'fel',
    example: 'en mote.yaml utan plats: mötet kontrolleras, men kallelsen skrivs inte förrän platsen finns',
  },
  'ansökan.avsnitt-saknas': {
    severity: 'fel',
    example: 'en ansökan utan `syfte` när förbundets ansökningsformulär har syftet som obligatoriskt',
  },
  'ref.organisation-okänd': {
    severity: 'fel',
    example: 'insatsägaren «Hebyy kommun», som varken är en medlem eller en extern part (menade du Heby kommun?)',
  },
  'ärende.beslutsorgan': {
    severity: 'varning',
    example: '«Arbetsutskottet föreslås» i en handling till förbundsstyrelsen',
  },
  'text.okänd-siffra': { severity: 'fel', example: '`{{totalt_sokt}}` i en text, där siffran heter `totalt_sökt`' },
  'datum.ordning': { severity: 'fel', example: 'en period som slutar före den börjar, eller justering före mötet' },
  'datum.start-före-möte': { severity: 'varning', example: 'en insats som startar 2024-09-01 och beslutas 2024-09-12' },
  'budget.radsumma': {
    severity: 'fel',
    example: 'en rad vars partskolumner summerar till 1 530 000 men vars total är 1 520 000',
  },
  'budget.rad-per-år': { severity: 'fel', example: 'en rad på 2 538 600 kr fördelad på åren med 2 535 600 kr' },
  'budget.grupp-per-år': { severity: 'fel', example: 'övriga kostnader 33 000 kr fördelade per år med 30 000 kr' },
  'budget.fördelning-saknas': { severity: 'varning', example: 'en flerårig insats utan fördelning per år' },
  'budget.fördelning-ofullständig': { severity: 'fel', example: 'lönerna fördelade per år men inte övriga kostnader' },
  'budget.år-utanför-period': { severity: 'fel', example: 'ett belopp för 2028 i en insats som slutar 2027-12-31' },
  'budget.radperiod': { severity: 'fel', example: 'en tjänst 2024-10-01–2027-12-31 i en insats som slutar 2026-12-31' },
  'budget.delsumma': { severity: 'fel', example: 'SUMMA LÖNEKOSTNAD 8 040 000 när raderna summerar till 8 030 000' },
  'budget.delsumma-per-år': {
    severity: 'fel',
    example: 'SUMMA LÖNEKOSTNAD 2025 angiven till 2 680 000 när raderna ger 2 670 000',
  },
  'budget.tjänst': { severity: 'fel', example: 'summa tjänst 445 % när raderna summerar till 435 %' },
  'budget.avstämning': { severity: 'fel', example: '«S:a per år för avstämning» 7 523 600 när totalen är 7 526 600' },
  'budget.total': { severity: 'fel', example: 'TOTAL KOSTNAD som inte är rekvirerat plus egenfinansiering' },
  'budget.sammanställning': {
    severity: 'fel',
    example: 'budgetsammanställningens rad för en part som skiljer sig från den detaljerade budgeten',
  },
  'ansökan.dubblett': {
    severity: 'fel',
    example: 'två ansökningar för insatsen «Växtkraft – Enköping», t.ex. en kopierad fil vars insats inte bytts',
  },
  'ansökan.kopierad-budget': {
    severity: 'varning',
    example: 'en ansökan vars budget är rad för rad densamma som en annan ansökans',
  },
  'ansökan.finansiering': {
    severity: 'fel',
    example: '«Ansökt belopp» i ansökan som skiljer sig från budgetens summa',
  },
  'beslut.period': { severity: 'fel', example: 'ett beslut för 2025–2028 om en ansökan för 2025–2027' },
  'beslut.belopp': {
    severity: 'fel',
    example: 'beslut om 6 984 000 kr när sökt 8 315 500 − justering 1 332 000 = 6 983 500',
  },
  'beslut.överskrider': {
    severity: 'fel',
    example:
      'ett beslut om 700 000 kr när ansökan efter justeringar ger 650 000, eller en period som slutar efter ansökans',
  },
  'budget.fördelat-efter-dagar': {
    severity: 'varning',
    example:
      'förbundets del av finansieringen angiven bara för 2025 i en insats 2025–2027: resten fördelas efter dagar',
  },
  'budget.finansiering': {
    severity: 'fel',
    example: 'en finansieringsplan på 28,2 mkr för en insats som kostar 28,4 mkr enligt sina rader',
  },
  'beslut.att-sats': {
    severity: 'fel',
    example: 'en egen att-sats «med maximalt 8 300 000 kronor» när beslutet gäller 8 260 000 kr',
  },
  'justering.per-år': { severity: 'fel', example: 'en justering på 1 332 000 kr vars år summerar till 1 300 000' },
  'ekonomi.kolumner': { severity: 'fel', example: 'en rad i ekonomin med fem värden när tabellen har sex kolumner' },
  'ekonomi.summa': { severity: 'fel', example: 'S:a samverkansinsatser 2027 angiven till 1 245 när raderna ger 0' },
  'ekonomi.resultat': { severity: 'fel', example: 'årets resultat som inte är intäkter minus kostnader' },
  'ekonomi.beslutsutrymme': {
    severity: 'fel',
    example: 'kvarvarande beslutsutrymme som inte är överskott plus resultat',
  },
  'import.fil': {
    severity: 'fel',
    example:
      'en lösenordsskyddad arbetsbok, en .xls i det gamla formatet eller en ansökan vars innehållskontroller tagits bort',
  },
  'import.sammanfogade-celler': {
    severity: 'fel',
    example: 'sammanfogade celler B12:F12 över beloppen i en budgetrad',
  },
  'import.ej-mappad': {
    severity: 'varning',
    example: 'ett belopp i Budget!M40 i en egen arbetsbok som inte hör till någon rad, part eller år',
  },
  'excel.formelvärde': {
    severity: 'fel',
    example: 'Budget!G23 =SUM(G9:G16) visar 1 427 333,33 men cellerna ger nu 1 427 333',
  },
  'excel.summa-inskriven': {
    severity: 'varning',
    example: 'talet 436 000 inskrivet i Budget!G9, där budgetmallen har en formel för radens summa',
  },
  'excel.celltyp': { severity: 'fel', example: '720000 i en datumcell (Till) eller ett belopp i en procentcell' },
  'excel.utanför-fält': {
    severity: 'varning',
    example: 'ett belopp i Budget!N12, utanför mallens färgade fält',
  },
  'ansökan.flera-ärenden': {
    severity: 'fel',
    example: 'två ärenden med `ansökan: vaxtkraft` på samma möte: ansökan skulle beslutas och räknas två gånger',
  },
  'ansökan.budget-saknas': {
    severity: 'fel',
    example:
      'en ansökan utan budgetrader och utan finansieringsplan, som annars skulle föreslås «med maximalt 0 kronor»',
  },
  'ansökan.part-dubblett': {
    severity: 'fel',
    example: 'Region Test två gånger i `samverkansparter`, eller insatsägaren också som samverkanspart',
  },
  'justering.överskrider': {
    severity: 'fel',
    example: 'en justering på 99 000 000 kr i en ansökan om 350 000 kr («maximalt −98 650 000 kronor»)',
  },
  'datum.horisont': {
    severity: 'fel',
    example: '`till: 2207-12-31`, ett år mer än 15 år från mötet (gränsen sätts med `kontroller.horisont_år`)',
  },
  'schema.tom-text': { severity: 'fel', example: '`rubrik: "   "`, en text av bara blanksteg' },
  'schema.tecken': {
    severity: 'fel',
    example: 'ett NUL-tecken eller annat styrtecken i en text, t.ex. inklistrat från ett annat program',
  },
  'bilaga.tom': { severity: 'fel', example: 'en bilaga `bilagor/plan.pdf` på 0 byte' },
  'bilaga.skadad': {
    severity: 'fel',
    example: 'en PDF-bilaga som är avkortad eller ingen PDF, eller en .docx som inte är ett giltigt Word-dokument',
  },
  'bilaga.krypterad': {
    severity: 'fel',
    example: 'en PDF-bilaga som kräver lösenord för att öppnas, eller en lösenordsskyddad .docx',
  },
  'bilaga.storlek': {
    severity: 'fel',
    example: 'en bilaga större än 100 MB, eller en .docx som packas upp till mer än 100 MB',
  },
  'protokoll.närvaro': {
    severity: 'fel',
    example: 'en ersättare under `ledamöter`, eller en ordförande som inte tjänstgör enligt närvaron',
  },
  'protokoll.ersättare': {
    severity: 'fel',
    example:
      'en ersättare som ersätter en närvarande ordinarie, två ersättare för samma ledamot, eller en person två gånger',
  },
  'protokoll.beslutförhet': {
    severity: 'fel',
    example: '5 av 11 ledamöter tjänstgör, eller en paragraf där jäv lämnar för få kvar (regeln står i forbund.yaml)',
  },
  'protokoll.jäv': { severity: 'fel', example: 'den som anmält jäv i § 45 röstar, yrkar eller reserverar sig i § 45' },
  'protokoll.omröstning': {
    severity: 'fel',
    example:
      '10 röster när 11 deltar, eller 6 ja mot 5 nej och bifall till nej (lika röstetal: ordförandens utslagsröst)',
  },
  'protokoll.reservation': {
    severity: 'fel',
    example: 'en reservation från någon som röstade för beslutet eller inte deltog i det',
  },
  'protokoll.justerare': { severity: 'fel', example: 'en justerare som inte var närvarande, eller som är ordförande' },
  'protokoll.justering-datum': {
    severity: 'fel',
    example: 'justering 2024-09-30 efter sammanträdet 2024-09-12 (mer än 14 dagar)',
  },
  'protokoll.anslag': {
    severity: 'fel',
    example: 'anslaget uppsatt 2024-09-30 efter justering 2024-09-26, eller nedtaget före tre veckor',
  },
  'protokoll.paragraf-saknas': {
    severity: 'fel',
    example: 'en punkt på föredragningslistan utan paragraf, eller en paragraf för ett ärende som inte står där',
  },
  'protokoll.paragrafnummer': {
    severity: 'fel',
    example: 'protokollet börjar på § 40 när årets förra protokoll slutar på § 37',
  },
  'protokoll.utfall': {
    severity: 'fel',
    example: 'en återremiss som också har att-satser, eller ett eget belopp i en punkt utan ansökan',
  },
  'register.saknas': {
    severity: 'fel',
    example: 'en rad i ekonomins `beviljade` utan belopp, vars insats inte finns i beslut.yaml eller något protokoll',
  },
  'register.avviker': {
    severity: 'fel',
    example: 'RegExPro 2025 skriven 1 345 tkr i ekonomin när beslutet ger 1 245 tkr',
  },
  'register.belopp': {
    severity: 'fel',
    example: 'ett tidigare beslut på 7 956 000 kr vars år summerar till 7 950 000',
  },
  'uppföljning.könsfördelning': {
    severity: 'fel',
    example: 'inregistrerade 7 kvinnor och 13 män med totalt 21 i en uppföljningsrapport',
  },
  'uppföljning.deltagarflöde': {
    severity: 'fel',
    example: 'pågående 30 vid halvårets slut när 24 vid förra periodens slut + 14 inregistrerade − 12 avslutade ger 26',
  },
  'uppföljning.arbete-studier': {
    severity: 'fel',
    example: '33 avslutade till arbete/studier av 30 avslutade',
  },
  'uppföljning.budget': {
    severity: 'fel',
    example: 'budget för 2024 angiven till 1 345 tkr när beslutet i registret ger 1 245 tkr',
  },
  'uppföljning.kvot': {
    severity: 'fel',
    example: 'förbrukningskvot 98 % när 112 tkr av 115 tkr är 97 %',
  },
  'uppföljning.förbrukning': {
    severity: 'varning',
    example: 'utfall 377 tkr av beviljade 360 tkr (105 %) utan en rapporterad avvikelse om budgeten',
  },
  'uppföljning.avvikelse-saknas': {
    severity: 'varning',
    example: 'avvikelse målgrupp/metod «ja» i kvalitetsfrågorna men ingen avvikelse beskriven',
  },
  'uppföljning.rapport-saknas': {
    severity: 'fel',
    example: 'en insats i registret som pågår under halvåret men saknar rapport',
  },
  'uppföljning.okänd-insats': {
    severity: 'fel',
    example:
      'en rapport med `beslut_i_registret: 2024-04-18 § 22` som inte finns i registret, eller ett beslut utanför perioden',
  },
  'uppföljning.summa': {
    severity: 'fel',
    example:
      'PM:et anger 12 insatser när registret och rapporterna ger 13, eller en andel kvinnor som inte följer av delarna',
  },
  // The privacy guard: warnings in `check`, errors that stop `publicera`.
  'integritet.personnummer': {
    severity: 'varning',
    example:
      '«pnr 19811218-9876» i en text: ett giltigt personnummer (kontrollsiffran stämmer), med eller utan sekel och bindestreck',
  },
  'integritet.samordningsnummer': {
    severity: 'varning',
    example: '«19811278-9873»: ett samordningsnummer (dag + 60) med giltig kontrollsiffra',
  },
  'integritet.telefon': {
    severity: 'varning',
    example: '«nås på 070-123 45 67» när numret inte står i förbundets profil',
  },
  'integritet.e-post': {
    severity: 'varning',
    example: '«anna.a@gmail.com» när adressen inte står i förbundets profil',
  },
  'integritet.namn': {
    severity: 'varning',
    example: 'en deltagares namn i ett ärende markerat `rör_enskilda`, eller i någon annan publicerad text',
  },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof CODES;

export const amountFigure = (ore: number, unit?: Unit): Figure =>
  unit && unit !== 'kr' ? { amount: ore, unit } : { amount: ore };
export const textFigure = (text: string): Figure => ({ text });
export const percentFigure = (hundredths: number): Figure => ({ percent: hundredths });

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'fel').length;
  return { errors, warnings: findings.length - errors };
}

/** Findings in reading order: by file, then line, then column, then code. */
/** The order of file names: localeCompare's, from one collator (far faster over many findings). */
const byFile = new Intl.Collator().compare;

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => byFile(a.file, b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** What a finding may carry besides its code, place and message. */
export interface FindingExtra {
  expected?: Figure;
  found?: Figure;
  hint?: string;
  /** Point at the key rather than its value (for a wrong year key, say). */
  onKey?: boolean;
}

/** The one way to make a finding: a code, the value it is about (file and path), and what is wrong. */
export function finding(
  code: FindingCode,
  source: SourceFile,
  at: Path,
  message: string,
  extra: FindingExtra = {},
): Finding {
  const { onKey, ...rest } = extra;
  return findingAt(code, locate(source, at, onKey), message, rest);
}

/** A finding at a known position, for problems found before a file has paths (unreadable, bad YAML). */
export function findingAt(
  code: FindingCode,
  position: SourcePosition,
  message: string,
  extra: Omit<FindingExtra, 'onKey'> = {},
): Finding {
  // A value imported from an applicant's file carries its source as a comment (# källa: …).
  // Only a finding at the value itself: one about a missing key is placed at the first key.
  const excerpt = position.excerpt ?? '';
  const atValue = position.column - 1 > excerpt.indexOf(':');
  const source = atValue ? SOURCE_COMMENT.exec(excerpt)?.[1] : undefined;
  const text = source ? `${message} (källa: ${source})` : message;
  // Invisible and control characters are shown as ⟨U+XXXX⟩ in every report format.
  const shown = {
    ...position,
    file: showInvisible(position.file),
    ...(position.excerpt === undefined ? {} : { excerpt: showInvisible(position.excerpt) }),
  };
  const hint = extra.hint === undefined ? {} : { hint: showInvisible(extra.hint) };
  return { code, severity: CODES[code].severity, ...shown, message: showInvisible(text), ...extra, ...hint };
}

/** The comment `handlingar importera` writes at each value it imported: `# källa: budget.xlsx Budget!F23`. */
export const SOURCE_COMMENT = /\s#\s*källa:\s*(.+?)\s*$/;

/**
 * What every stage returns: its value and the findings it made on the way (as mammoth's
 * Result does), so that no stage drops a finding and later stages never guess at a value.
 */
export interface Result<T> {
  value: T;
  findings: readonly Finding[];
}

export const result = <T>(value: T, findings: readonly Finding[] = []): Result<T> => ({ value, findings });
