// Merging tagged PDFs without losing their tags. pdf-lib's copyPages copies a page's
// dictionary and what it points to, but not the document's structure tree (the tags a screen
// reader follows), so a merged packet would be untagged. This module copies the pages itself,
// with one object copier per source, so that the structure elements' page references (/Pg),
// the marked-content references and the annotations all land on the copied objects; it then
// hangs each source's structure under one Document element, renumbers the pages'
// /StructParents into one ParentTree and merges the role and class maps. It also reads each
// source's bookmarks, so that the packet keeps them under the part's own bookmark.
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** A bookmark: a title and where it leads, with the bookmarks under it. */
export interface OutlineNode {
  title: string;
  /** An explicit destination in the packet, e.g. [pageRef /XYZ x y z]. */
  dest: PDFObject;
  children: OutlineNode[];
}

export interface CopiedDocument {
  pages: PDFPage[];
  /** The source's own bookmarks, pointing into the packet. */
  outline: OutlineNode[];
  /** Whether the source had a structure tree. */
  tagged: boolean;
}

const name = (value: string) => PDFName.of(value);

/** pdf-lib's copier keeps a private map from source objects to their copies; we seed it. */
const copiedObjects = (copier: PDFObjectCopier) =>
  (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;

export class StructureMerger {
  private readonly documentRef: PDFRef;
  private readonly rootRef: PDFRef;
  private readonly kids: PDFObject[] = [];
  private readonly nums: [number, PDFObject][] = [];
  private nextKey = 0;
  private readonly roleMap = new Map<string, PDFObject>();
  private readonly classMap = new Map<string, PDFObject>();
  private outputIntents: PDFObject | undefined;

  constructor(private readonly packet: PDFDocument) {
    this.documentRef = packet.context.nextRef();
    this.rootRef = packet.context.nextRef();
  }

  /** Appends every page of `source` to the packet, with its structure and bookmarks. */
  add(source: PDFDocument, title: string): CopiedDocument {
    const context = this.packet.context;
    const copier = PDFObjectCopier.for(source.context, context);
    const seen = copiedObjects(copier);
    const sourcePages = source.getPages();
    const refs = sourcePages.map((page) => {
      const ref = context.nextRef();
      seen.set(page.ref, ref);
      return ref;
    });
    const pages = sourcePages.map((page, index) => {
      const node = copier.copy(page.node);
      context.assign(refs[index]!, node);
      const copied = PDFPage.of(node, refs[index]!, this.packet);
      this.packet.addPage(copied);
      return copied;
    });

    const catalog = source.catalog;
    if (!this.outputIntents && catalog.has(name('OutputIntents'))) {
      this.outputIntents = copier.copy(catalog.get(name('OutputIntents'))!);
      fixProfileDate(this.packet, this.outputIntents);
    }

    const outline = readOutline(source, copier);
    const rootEntry = catalog.get(name('StructTreeRoot'));
    const root = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
    if (!root) return { pages, outline, tagged: false };

    // The source's root becomes our Document element: its children's /P follow.
    seen.set(rootEntry!, this.documentRef);
    seen.set(root, this.documentRef);
    const offset = this.nextKey;
    let nextKey = (root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0) + offset;
    const parentTree = root.lookupMaybe(name('ParentTree'), PDFDict);
    if (parentTree)
      for (const [key, value] of numberTreeEntries(source, parentTree)) {
        this.nums.push([key + offset, copier.copy(value)]);
        nextKey = Math.max(nextKey, key + offset + 1);
      }
    this.nextKey = nextKey;

    const kids = root.get(name('K'));
    const kidList = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const kid of kidList) {
      const copied = copier.copy(kid);
      const element = context.lookupMaybe(copied, PDFDict);
      // A source's Document element becomes a Part of the packet's one Document.
      if (element?.get(name('S')) === name('Document')) {
        element.set(name('S'), name('Part'));
        element.set(name('T'), PDFHexString.fromText(title));
      }
      this.kids.push(copied);
    }
    for (const [map, target] of [
      ['RoleMap', this.roleMap],
      ['ClassMap', this.classMap],
    ] as const) {
      const dict = root.lookupMaybe(name(map), PDFDict);
      for (const [key, value] of dict?.entries() ?? [])
        if (!target.has(key.asString())) target.set(key.asString(), copier.copy(value));
    }

    // Pages, annotations and form XObjects name their entry in the ParentTree; shift them too.
    if (offset > 0)
      for (const copy of seen.values()) {
        const dict = copy instanceof PDFStream ? copy.dict : copy instanceof PDFDict ? copy : undefined;
        for (const key of ['StructParents', 'StructParent']) {
          const value = dict?.get(name(key));
          if (value instanceof PDFNumber) dict!.set(name(key), PDFNumber.of(value.asNumber() + offset));
        }
      }
    return { pages, outline, tagged: true };
  }

  /** Writes the packet's structure tree root, its Document element and the ParentTree. */
  finish(language: string): void {
    const context = this.packet.context;
    context.assign(
      this.documentRef,
      context.obj({
        Type: 'StructElem',
        S: 'Document',
        P: this.rootRef,
        Lang: PDFString.of(language),
        K: context.obj(this.kids),
      }),
    );
    const nums: PDFObject[] = [];
    for (const [key, value] of this.nums.sort((a, b) => a[0] - b[0])) nums.push(PDFNumber.of(key), value);
    const entries = (map: Map<string, PDFObject>) =>
      context.obj(Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k.slice(1), v])));
    const root: Record<string, PDFObject | string> = {
      Type: 'StructTreeRoot',
      K: this.documentRef,
      ParentTree: context.register(context.obj({ Nums: context.obj(nums) })),
      ParentTreeNextKey: PDFNumber.of(this.nextKey),
    };
    if (this.roleMap.size > 0) root.RoleMap = entries(this.roleMap);
    if (this.classMap.size > 0) root.ClassMap = entries(this.classMap);
    context.assign(this.rootRef, context.obj(root));
    const catalog = this.packet.catalog;
    catalog.set(name('StructTreeRoot'), this.rootRef);
    catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
    if (this.outputIntents) catalog.set(name('OutputIntents'), this.outputIntents);
  }
}

/**
 * LibreOffice writes its sRGB output profile with the time of the export in the ICC header;
 * a fixed date there (and no profile ID, which hashes the header) keeps the packet the same
 * from build to build.
 */
export function fixProfileDate(packet: PDFDocument, outputIntents: PDFObject): void {
  const context = packet.context;
  const intents = context.lookupMaybe(outputIntents, PDFArray);
  for (let index = 0; intents && index < intents.size(); index++) {
    const intent = intents.lookupMaybe(index, PDFDict);
    const profileRef = intent?.get(name('DestOutputProfile'));
    const profile = profileRef instanceof PDFRef ? context.lookup(profileRef) : undefined;
    if (!(profile instanceof PDFRawStream)) continue;
    const filter = profile.dict.get(name('Filter'));
    if (filter && filter !== name('FlateDecode')) continue;
    const bytes = Buffer.from(filter ? inflateSync(profile.contents) : profile.contents);
    if (bytes.length < 128 || bytes.toString('latin1', 36, 40) !== 'acsp') continue;
    // dateTimeNumber at 24..35: 2000-01-01 00:00:00; profile ID at 84..99: zero (not computed).
    bytes.writeUInt16BE(2000, 24);
    bytes.writeUInt16BE(1, 26);
    bytes.writeUInt16BE(1, 28);
    bytes.fill(0, 30, 36);
    bytes.fill(0, 84, 100);
    const entries = Object.fromEntries(
      profile.dict
        .entries()
        .filter(([key]) => key !== name('Filter') && key !== name('Length'))
        .map(([key, value]) => [key.asString().slice(1), value]),
    );
    context.assign(profileRef as PDFRef, context.flateStream(bytes, entries));
    // The old stream's length may have been an object of its own, which nothing uses now.
    const length = profile.dict.get(name('Length'));
    if (length instanceof PDFRef) context.delete(length);
  }
}

/** The [key, value] pairs of a number tree (a ParentTree), leaves and intermediate nodes alike. */
function numberTreeEntries(source: PDFDocument, node: PDFDict, depth = 0): [number, PDFObject][] {
  if (depth > 32) return [];
  const entries: [number, PDFObject][] = [];
  const nums = node.lookupMaybe(name('Nums'), PDFArray);
  if (nums)
    for (let index = 0; index + 1 < nums.size(); index += 2) {
      const key = nums.lookupMaybe(index, PDFNumber);
      if (key) entries.push([key.asNumber(), nums.get(index + 1)]);
    }
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let index = 0; kids && index < kids.size(); index++) {
    const kid = kids.lookupMaybe(index, PDFDict);
    if (kid) entries.push(...numberTreeEntries(source, kid, depth + 1));
  }
  return entries;
}

/** The source's bookmarks with explicit destinations copied into the packet. */
function readOutline(source: PDFDocument, copier: PDFObjectCopier): OutlineNode[] {
  const outlines = source.catalog.lookupMaybe(name('Outlines'), PDFDict);
  const visited = new Set<PDFObject>();
  const read = (first: PDFObject | undefined, depth: number): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    let current = first;
    while (current && !visited.has(current) && depth < 16) {
      visited.add(current);
      const item = source.context.lookupMaybe(current, PDFDict);
      if (!item) break;
      const title = item.lookup(name('Title'));
      const action = item.lookupMaybe(name('A'), PDFDict);
      const dest = item.lookup(name('Dest')) ?? action?.lookup(name('D'));
      const children = read(item.get(name('First')), depth + 1);
      if ((title instanceof PDFHexString || title instanceof PDFString) && dest instanceof PDFArray)
        nodes.push({ title: title.decodeText(), dest: copier.copy(dest), children });
      else nodes.push(...children);
      current = item.get(name('Next'));
    }
    return nodes;
  };
  return outlines ? read(outlines.get(name('First')), 0) : [];
}
