/** Prints a command's lines (to stderr when it failed) and exits with its code: the tail of every `{ code, lines }` script entry. */
export async function exitWith(result: Promise<{ code: number; lines: string[] }>): Promise<never> {
  const { code, lines } = await result;
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exit(code);
}
