import type { FuzzTarget } from './targets.js';

/** The campaign's tests bring their own targets (one that hangs, one that leaks), so targets load by module and name. */
export async function loadTarget(moduleUrl: string, name: string): Promise<FuzzTarget> {
  const { TARGETS } = (await import(moduleUrl)) as { TARGETS: readonly FuzzTarget[] };
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target "${name}" (known: ${TARGETS.map((t) => t.name).join(', ')})`);
  return target;
}
