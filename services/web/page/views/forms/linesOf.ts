/** A textarea's lines as a list: trimmed, empty ones left out (chairs, agenda items, decisions). */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
