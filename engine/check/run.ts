// The first stages of every command: load the content, derive what can be derived (once),
// and check it. Later stages (documents, writers, output) start from this result.
import { numberAgenda } from '../derive/agenda.js';
import { deriveMeeting, type CheckedMeeting } from '../derive/meeting.js';
import { deriveProtocol, type DerivedProtocol } from '../derive/protocol.js';
import { buildRegister, economyFromRegister, type RegisterEntry } from '../derive/register.js';
import { sortFindings, type Finding } from '../findings.js';
import { loadContent, loadWholeContent, type MeetingModel } from '../load/content.js';
import { sum } from '../money.js';
import { checkEconomy, checkMeeting, checkProfile, checkRegister } from './index.js';

export interface CheckResult {
  findings: Finding[];
  meetings: CheckedMeeting[];
  /** The register of decisions of the whole content: beslut.yaml and every protokoll. */
  register: readonly RegisterEntry[];
  /** Counted over the meetings that were checked. */
  counts: { meetings: number; ansokningar: number; arenden: number };
}

/**
 * Loads and checks a meeting folder, or every meeting of a content folder.
 * Throws ContentPathError when the path is neither.
 */
export function check(target: string): CheckResult {
  const loaded = loadContent(target);
  // The protokoll of every meeting in the content, in date order: § numbers run on through
  // the year, and every beviljat decision enters the register.
  const whole = loadWholeContent(target, loaded.value).sort((a, b) =>
    (a.mote?.data.datum ?? '').localeCompare(b.mote?.data.datum ?? ''),
  );
  const protocols = new Map<MeetingModel, DerivedProtocol>();
  const lastOfYear = new Map<string, number>();
  for (const model of whole) {
    if (!model.mote) continue;
    const year = model.mote.data.datum.slice(0, 4);
    const protocol = deriveProtocol(model, numberAgenda(model.mote.data, model.arenden), lastOfYear.get(year));
    if (!protocol) continue;
    protocols.set(model, protocol);
    lastOfYear.set(year, protocol.last);
  }
  const { forbund, ekonomi: typedEconomy, beslut } = loaded.value[0] ?? whole[0] ?? {};
  const register = buildRegister(
    whole.map((model) => ({ model, protocol: protocols.get(model) })),
    beslut,
  );
  const ekonomi = typedEconomy ? economyFromRegister(typedEconomy, register) : undefined;
  const meetings = loaded.value.map((model) => {
    const protocol = protocols.get(model);
    return {
      model,
      derived: deriveMeeting(model, {
        ekonomi,
        register,
        ...(ekonomi ? { registerSources: ekonomi.fromRegister } : {}),
        ...(protocol ? { protocol } : {}),
      }),
    };
  });
  // The förbund and its economy are shared by every meeting: checked once.
  const all = [
    ...loaded.findings,
    ...meetings.flatMap(({ model, derived }) => checkMeeting(model, derived)),
    ...(forbund ? checkProfile(forbund) : []),
    ...(ekonomi ? checkEconomy(ekonomi) : []),
    ...(typedEconomy ? checkRegister(typedEconomy, register, beslut) : []),
  ];
  return {
    findings: sortFindings(all),
    meetings,
    register,
    counts: {
      meetings: meetings.length,
      ansokningar: sum(meetings.map(({ model }) => model.ansokningar.size + model.broken.size)),
      arenden: sum(meetings.map(({ model }) => model.mote?.data.dagordning.length ?? 0)),
    },
  };
}
