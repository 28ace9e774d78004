import type { AmountValue } from './drafts.js';

/**
 * Field tables compiled into a trie of element names. The reader walks it as elements open, one
 * map lookup per element: no path strings are built, unknown subtrees (addresses, proprietary
 * extensions) are skipped without any lookups below them, and a leaf's handler is found directly.
 */
export interface FieldReaders {
  /** The current element's text as an amount, with its Ccy attribute. */
  amount(): AmountValue;
  /** The current element's text as an ISO date (a DtTm is cut to its date). */
  date(): string;
}

export type FieldHandler<D> = (draft: D, text: string, read: FieldReaders) => void;

export type ContextKind = 'group' | 'statement' | 'balance' | 'entry' | 'detail';

export interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  handler: FieldHandler<never> | undefined;
  /** Set on the root of a nested context (an entry inside a statement). */
  enter: ContextKind | undefined;
}

const node = (): TrieNode => ({ children: undefined, handler: undefined, enter: undefined });

function descend(root: TrieNode, path: string): TrieNode {
  let current = root;
  for (const name of path.split('/')) {
    current.children ??= new Map();
    let next = current.children.get(name);
    if (!next) {
      next = node();
      current.children.set(name, next);
    }
    current = next;
  }
  return current;
}

export function compileFields<D>(kind: ContextKind, fields: Record<string, FieldHandler<D>>): TrieNode {
  const root = node();
  root.enter = kind;
  for (const [path, handler] of Object.entries(fields)) descend(root, path).handler = handler as FieldHandler<never>;
  return root;
}

/** Hangs a nested context's trie under `path` of its parent. */
export function nest(parent: TrieNode, path: string, child: TrieNode): void {
  const slash = path.lastIndexOf('/');
  const holder = slash < 0 ? parent : descend(parent, path.slice(0, slash));
  holder.children ??= new Map();
  holder.children.set(path.slice(slash + 1), child);
}
