/** Waits until a condition holds (checked every 10 ms), failing with what was awaited after `ms`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 6_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!(await condition())) throw new Error(`timed out waiting until ${what}`);
}
