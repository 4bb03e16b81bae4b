// The library API: what the CLI, the tests and other programs call. The stages run in one
// direction: load → derive and check (both reading the validated model) → documents →
// writers → output.
export { check, checkContent, type CheckOptions, type CheckResult, type ContentCheck } from './check/run.js';
export { defaultCacheFolder } from './check/cache.js';
export type { CheckedMeeting, DerivedMeeting } from './derive/meeting.js';
export { KALLELSE_PACKET, KINDS, planProduct } from './documents/packet.js';
export type { PlannedDocument } from './documents/kind.js';
export { ContentPathError } from './load/content.js';
export { CODES, countBySeverity, type Finding, type FindingCode, type Result } from './findings.js';
export { renderHtmlDocument } from './output/html.js';
