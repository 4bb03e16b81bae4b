// Characters a reader cannot see or that would change a terminal or a report: control
// characters, zero-width and direction marks. In messages and reports each is shown as its
// code point, ⟨U+200B⟩, so that two names that look the same are told apart and no escape
// sequence reaches a terminal or an XML file.

// C0 controls except tab and line feed, DEL, C1 controls, zero-width and joiner marks, bidi
// embeddings and isolates, line and paragraph separators, the byte order mark.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** The same characters, without the g flag: for a test that keeps no state between texts. */
const INVISIBLE_TEST = new RegExp(INVISIBLE.source);

const codePoint = (char: string) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** The text with every invisible or control character (except tab and line feed) shown as ⟨U+XXXX⟩. */
export const showInvisible = (text: string): string =>
  // Tested first: a text without any (nearly all) is returned as it is, without a replace.
  INVISIBLE_TEST.test(text) ? text.replace(INVISIBLE, codePoint) : text;

/** Whether the text holds a character showInvisible would escape . */
export const hasInvisible = (text: string): boolean => new RegExp(INVISIBLE.source).test(text);

/** The first control character (not tab, line feed or carriage return) in a text, if any. */
export function controlCharacter(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  return match ? codePoint(match[0]) : undefined;
}
