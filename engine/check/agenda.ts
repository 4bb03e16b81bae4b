// The meeting itself: agenda numbering and structure, bilaga references, and that every
// person named has the role the document gives them.
import { finding, textFigure, type Finding, type FindingCode } from '../findings.js';
import { handlingText } from '../derive/agenda.js';
import type { DerivedMeeting } from '../derive/meeting.js';
import { suggestClosest } from '../format/suggest.js';
import type { MeetingModel } from '../load/content.js';
import type { Path, SourceFile } from '../load/source.js';

function checkPerson(
  code: FindingCode,
  source: SourceFile,
  at: Path,
  name: string,
  allowed: readonly string[],
  role: string,
): Finding[] {
  if (allowed.includes(name)) return [];
  const near = suggestClosest(name, allowed);
  return [
    finding(code, source, at, `${name} är inte ${role}${near ? `; menade du ${near}?` : ''}`, {
      found: textFigure(name),
      ...(near ? { expected: textFigure(near) } : {}),
    }),
  ];
}

export function checkAgenda(meeting: MeetingModel, derived: DerivedMeeting): Finding[] {
  const { mote, forbund } = meeting;
  if (!mote) return [];
  const findings: Finding[] = [];
  const source = mote.source;
  const kansli = forbund?.data.kansli.map((person) => person.namn) ?? [];
  const board = forbund
    ? [...forbund.data.styrelse.ordinarie, ...forbund.data.styrelse.ersättare].map((person) => person.namn)
    : [];
  const seen = new Map<number, number>();

  for (const item of derived.agenda) {
    const typed = mote.data.dagordning[item.index]!;
    const at: Path = ['dagordning', item.index];
    if (typed.nr !== undefined && typed.nr !== item.number) {
      const other = seen.get(typed.nr);
      const message =
        other !== undefined
          ? `punkt nr ${typed.nr} finns redan (punkt ${other + 1} i listan); numren ska löpa 1, 2, 3 … utan luckor`
          : `punkten står på plats ${item.number} men har nr ${typed.nr}; numren ska löpa utan luckor`;
      findings.push(
        finding('dagordning.nummer', source, [...at, 'nr'], message, {
          expected: textFigure(String(item.number)),
          found: textFigure(String(typed.nr)),
        }),
      );
    }
    if (typed.nr !== undefined && !seen.has(typed.nr)) seen.set(typed.nr, item.index);

    if (Boolean(typed.ärende) === Boolean(typed.rubrik)) {
      findings.push(
        finding(
          'dagordning.punkt',
          source,
          at,
          typed.ärende
            ? 'en punkt med ärendefil får sin rubrik från filen; ta bort rubrik'
            : 'punkten behöver antingen ärende (en fil i arenden/) eller rubrik',
        ),
      );
    }
    if (typed.ärende && (typed.föredragande || typed.information)) {
      findings.push(
        finding(
          'dagordning.punkt',
          source,
          at,
          'föredragande och information anges i ärendefilen, inte på dagordningen',
        ),
      );
    }
    const fileMissing = typed.ärende !== undefined && item.arende === undefined;
    if (typed.handling !== undefined && !fileMissing) {
      const expected = handlingText(item.bilagor);
      const typedNumbers = typed.handling.match(/\d+(?:\.\d+)?/g) ?? [];
      const expectedNumbers = item.bilagor.length > 1 ? [item.bilagor[0], item.bilagor.at(-1)] : item.bilagor;
      if (typedNumbers.join(' ') !== expectedNumbers.join(' ')) {
        findings.push(
          finding(
            'dagordning.handling',
            source,
            [...at, 'handling'],
            item.bilagor.length === 0
              ? `punkt ${item.number} har ingen handling, men dagordningen hänvisar till «${typed.handling}»`
              : `punkt ${item.number} har ${expected}, men dagordningen hänvisar till «${typed.handling}»`,
            {
              expected: textFigure(expected),
              found: textFigure(typed.handling),
            },
          ),
        );
      }
    }
    if (typed.föredragande)
      findings.push(
        ...checkPerson(
          'person.föredragande',
          source,
          [...at, 'föredragande'],
          typed.föredragande,
          kansli,
          'med i kansliet',
        ),
      );
  }

  for (const [, arende] of meeting.arenden) {
    const { data } = arende;
    findings.push(
      ...checkPerson(
        'person.föredragande',
        arende.source,
        ['föredragande'],
        data.föredragande,
        kansli,
        'med i kansliet',
      ),
    );
    findings.push(
      ...checkPerson(
        'person.undertecknare',
        arende.source,
        ['undertecknare'],
        data.undertecknare,
        kansli,
        'med i kansliet',
      ),
    );
    const organ = data.förslag_till_beslut?.organ;
    if (organ && organ.toLowerCase() !== mote.data.organ.toLowerCase()) {
      findings.push(
        finding(
          'ärende.beslutsorgan',
          arende.source,
          ['förslag_till_beslut', 'organ'],
          `förslaget riktar sig till ${organ}, men handlingen går till ${mote.data.organ}`,
          {
            expected: textFigure(mote.data.organ),
            found: textFigure(organ),
          },
        ),
      );
    }
  }

  const { justering, förhinder } = mote.data;
  if (forbund && justering) {
    findings.push(
      ...checkPerson(
        'person.justerare',
        source,
        ['justering', 'justerare'],
        justering.justerare,
        board,
        'ledamot eller ersättare i styrelsen',
      ),
    );
  }
  if (forbund && förhinder)
    findings.push(...checkPerson('person.förhinder', source, ['förhinder'], förhinder, kansli, 'med i kansliet'));
  // What the kallelse needs and the meeting has not yet been given: the kallelse waits for it.
  const logistics = {
    tid: 'tid (från och till)',
    plats: 'plats',
    förhinder: 'vem som tar emot förhinder',
    justering: 'justerare och justeringsdatum',
  } as const;
  for (const [key, what] of Object.entries(logistics)) {
    if (mote.data[key as keyof typeof logistics] === undefined)
      findings.push(
        finding(
          'möte.uppgift-saknas',
          source,
          [],
          `mötet saknar ${what}; kallelsen kan inte skrivas förrän den finns`,
          {
            hint: `Lägg till ${key}: i mote.yaml.`,
          },
        ),
      );
  }
  return findings;
}
