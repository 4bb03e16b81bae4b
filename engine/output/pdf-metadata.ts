// The packet's document information and XMP metadata: title, author, language and the
// meeting's date, identified as PDF/A-2B and PDF/UA-1. PDF/A wants the two to agree, and
// pdfuaid is no schema PDF/A-2 predefines, so the XMP also describes it (an extension schema).
// Nothing here reads the clock: the same meeting always gives the same bytes.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

export interface PacketMetadata {
  title: string;
  /** The förbund: the packet's author. */
  author: string;
  /** BCP 47, e.g. sv-SE. */
  language: string;
  /** The meeting's date, YYYY-MM-DD: creation and modification date of the packet. */
  date: string;
  /** Free-text subject, e.g. the organ and the meeting. */
  subject: string;
}

export const PRODUCER = 'handlingar (LibreOffice, pdf-lib)';
const CREATOR = 'handlingar';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet; `isoDate` as 2024-09-12T00:00:00Z. */
export function xmp(metadata: PacketMetadata): string {
  const date = `${metadata.date}T00:00:00Z`;
  const x = escapeXml;
  return `<?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(metadata.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${x(metadata.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(metadata.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${x(metadata.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>
   <pdf:Producer>${x(PRODUCER)}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Sets the document information, the catalog's language and title display, and the XMP. */
export function setMetadata(packet: PDFDocument, metadata: PacketMetadata): void {
  const date = new Date(`${metadata.date}T00:00:00Z`);
  packet.setTitle(metadata.title, { showInWindowTitleBar: true });
  packet.setAuthor(metadata.author);
  packet.setSubject(metadata.subject);
  packet.setCreator(CREATOR);
  packet.setProducer(PRODUCER);
  packet.setCreationDate(date);
  packet.setModificationDate(date);
  packet.setLanguage(metadata.language);
  const stream = packet.context.stream(new TextEncoder().encode(xmp(metadata)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  packet.catalog.set(PDFName.of('Metadata'), packet.context.register(stream));
}

const PLACEHOLDER_ID = '0'.repeat(32);

/** Gives the trailer a placeholder /ID, to be replaced by a hash of the saved file. */
export function setPlaceholderId(packet: PDFDocument): void {
  const id = PDFHexString.of(PLACEHOLDER_ID);
  packet.context.trailerInfo.ID = packet.context.obj([id, id]);
}

/**
 * PDF/A wants a file identifier; a hash of the file itself is one that stays the same for the
 * same content. The placeholder has the hash's length, so no offset in the file moves.
 */
export function stampId(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes);
  const placeholder = Buffer.from(`<${PLACEHOLDER_ID}>`, 'latin1');
  const hash = createHash('md5').update(buffer).digest('hex').toUpperCase();
  const trailer = buffer.lastIndexOf('trailer', undefined, 'latin1');
  let at = buffer.lastIndexOf(placeholder);
  while (at >= 0 && at > trailer) {
    buffer.write(`<${hash}>`, at, 'latin1');
    at = buffer.lastIndexOf(placeholder, at - 1);
  }
  return buffer;
}
