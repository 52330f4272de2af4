import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * WeCom's XML, read as flat text fields: the envelope (`ToUserName`, `AgentID`,
 * `Encrypt`) and the decrypted event inside it. A document type declaration is refused
 * before parsing, and the parser expands no entities, so neither an external entity (XXE)
 * nor an entity bomb is ever resolved.
 */
export type XmlFields = Record<string, string>;

export const MAX_XML_BYTES = 64 * 1024;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false,
});

export function readXmlFields(xml: string): XmlFields | null {
  if (xml.length === 0 || Buffer.byteLength(xml) > MAX_XML_BYTES) return null;
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  if (XMLValidator.validate(xml) !== true) return null;
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return null;
  }
  const root = (document as { xml?: unknown }).xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return null;
  const fields: XmlFields = {};
  for (const [name, value] of Object.entries(root)) {
    // Nested elements (none in the events this app reads) and repeated tags are left out.
    if (typeof value === 'string' || typeof value === 'number') fields[name] = String(value);
  }
  return fields;
}
