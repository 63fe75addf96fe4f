import { SaxesParser } from "saxes";
import { PackageError } from "./zipArchive";

/**
 * A registration part (`[Content_Types].xml`, the workbook, its relationships, the styles) as a tree of elements
 * with the character offsets of their tags, parsed by saxes with namespaces resolved. The editor inserts text at
 * those offsets and removes its own elements by them, so everything else in the part stays byte for byte: no
 * serializer ever rewrites the user's XML. A document type declaration is refused (Excel writes none; it is how
 * external entities and entity expansion get in), and saxes expands no entity but the predefined ones.
 */

export interface XmlElement {
  /** The name as written, prefix included. */
  qname: string;
  prefix: string;
  local: string;
  uri: string;
  /** Attribute values by their name as written (prefix included), entities decoded. */
  attributes: Record<string, string>;
  /** Attribute values by "{uri}local" for namespaced attributes, by local name otherwise. */
  attributesNs: Record<string, string>;
  /** Prefix → namespace URI, in scope at this element. */
  namespaces: Record<string, string>;
  /** Offsets in the text: the start tag spans [start, openEnd), the end tag [closeStart, end). */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  parent: XmlElement | null;
}

export interface XmlIndex {
  text: string;
  root: XmlElement;
}

export function parseXmlIndex(text: string, part: string): XmlIndex {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  parser.on("doctype", () => {
    failure = "it declares a document type, which a workbook part never does";
  });
  parser.on("error", (error) => {
    failure ??= error.message;
  });
  parser.on("opentag", (tag) => {
    const openEnd = parser.position;
    const start = text.lastIndexOf("<", openEnd - 1);
    const attributes: Record<string, string> = {};
    const attributesNs: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = attribute.value;
      attributesNs[attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local] = attribute.value;
    }
    const parent = stack[stack.length - 1] ?? null;
    const namespaces: Record<string, string> = { ...(parent?.namespaces ?? {}), ...tag.ns };
    const element: XmlElement = {
      qname: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes,
      attributesNs,
      namespaces,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      parent,
    };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) {
      element.end = parser.position;
      element.closeStart = text.lastIndexOf("<", element.end - 1);
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure !== null || root === null) {
    throw new PackageError(
      `The part ${part} of this workbook is not readable XML, so the analysis cannot be added to it ` +
        `(${failure === null ? "it is empty" : describe(failure)}). Open the file in Excel, which may repair it, and save it again.`,
    );
  }
  return { text, root };
}

/** saxes's messages start with "line:column:"; keep them short and free of the library's wording where possible. */
function describe(message: string): string {
  if (/document type/.test(message)) return message;
  const where = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/.exec(message);
  return where ? `line ${where[1]}, column ${where[2]}: ${where[3]}` : message;
}

export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

export function childNamed(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

/** The prefix (with its colon) bound to `uri` at this element, "" for the default namespace, null where unbound. */
export function prefixFor(element: XmlElement, uri: string): string | null {
  for (const [prefix, bound] of Object.entries(element.namespaces)) {
    if (bound === uri) return prefix === "" ? "" : `${prefix}:`;
  }
  return null;
}
