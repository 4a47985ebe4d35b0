/**
 * A number with its noun in the right number: "1 attempt", "3 attempts", "1 history entry".
 * Messages are read mid-incident; "1 attempts" or "all 1 definition" make a reader stop and re-read.
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
