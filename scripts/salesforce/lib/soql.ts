/** A SOQL query found in Apex source: its object, the field paths it names, and nested queries. */
export interface SoqlQuery {
  readonly object: string;
  readonly fields: readonly string[];
  readonly subqueries: readonly SoqlQuery[];
  /** Offset of the query in the source it was found in. */
  readonly offset: number;
}

const IDENT_PATH = /\b[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*\b/g;

/** Finds the inline queries ([SELECT ...]) of an Apex source. */
export function findInlineQueries(source: string): SoqlQuery[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (m) => ' '.repeat(m.length)).replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  const queries: SoqlQuery[] = [];
  const opener = /\[\s*SELECT\b/gi;
  for (let match = opener.exec(code); match; match = opener.exec(code)) {
    let depth = 0;
    let end = match.index;
    for (; end < code.length; end++) {
      if (code[end] === '[') depth++;
      if (code[end] === ']' && --depth === 0) break;
    }
    const parsed = parseQuery(code.slice(match.index + 1, end), match.index);
    if (parsed) queries.push(parsed);
  }
  return queries;
}

/** Parses one SELECT statement; returns undefined when it has no FROM clause. */
export function parseQuery(text: string, offset = 0): SoqlQuery | undefined {
  const subqueries: SoqlQuery[] = [];
  // Replace parenthesised subqueries by a placeholder so the outer field list splits cleanly.
  let outer = text;
  for (let sub = findSubquery(outer); sub; sub = findSubquery(outer)) {
    const parsed = parseQuery(outer.slice(sub.start + 1, sub.end), offset + sub.start);
    if (parsed) subqueries.push(parsed);
    outer = `${outer.slice(0, sub.start)}__SUBQUERY${outer.slice(sub.end + 1)}`;
  }
  const m = /^\s*SELECT\s+([\s\S]+?)\s+FROM\s+([A-Za-z][A-Za-z0-9_]*)([\s\S]*)$/i.exec(outer);
  if (!m) return undefined;
  const [, selectList = '', object = '', rest = ''] = m;
  const fields: string[] = [];
  for (const raw of selectList.split(',')) {
    const item = raw.trim().replace(/^(?:toLabel|FORMAT|convertCurrency)\(([^)]*)\)$/i, '$1').split(/\s+/)[0] ?? '';
    if (item === '__SUBQUERY' || item.includes('(') || item.length === 0) continue;
    fields.push(item);
  }
  // In the conditions only custom names (with a double underscore) are collected: keywords, bind
  // variables and literals are never custom names, so nothing else is misread as a field.
  const conditions = rest.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/:\s*[A-Za-z_][\w.]*(\([^)]*\))?/g, ':bind');
  for (const token of conditions.match(IDENT_PATH) ?? []) {
    if (token.includes('__') && token !== '__SUBQUERY') fields.push(token);
  }
  return { object, fields, subqueries, offset };
}

function findSubquery(text: string): { start: number; end: number } | undefined {
  const open = /\(\s*SELECT\b/i.exec(text);
  if (!open) return undefined;
  let depth = 0;
  for (let i = open.index; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return { start: open.index, end: i };
  }
  return undefined;
}
