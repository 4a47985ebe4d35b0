/** Shortest piece of a secret treated as an echo of it; shorter runs are too common to mean anything. */
const MIN_ECHO = 12;
/** A shorter start of a secret still counts where text was cut right after it. */
const MIN_CUT_ECHO = 6;
export const REDACTED = '***';

/**
 * The secrets of this run, and their removal from any text that leaves the process. The runner
 * masks exact matches in the log, but not in the job summary, and not a key the platform echoed
 * only in part: every run of 12 or more characters of a secret is replaced, and so is a start
 * of 6 or more where the text was cut right after it (a message truncated mid-key).
 */
export class Secrets {
  private readonly values: string[] = [];
  private readonly grams = new Map<string, string[]>();

  add(secret: string): void {
    // One or two characters would erase ordinary words; the runner's own mask still covers them.
    if (secret.length < 3 || this.values.includes(secret)) return;
    this.values.push(secret);
    if (secret.length < MIN_ECHO) return;
    for (let i = 0; i + MIN_ECHO <= secret.length; i++) {
      const gram = secret.slice(i, i + MIN_ECHO);
      const owners = this.grams.get(gram) ?? [];
      if (!owners.includes(secret)) owners.push(secret);
      this.grams.set(gram, owners);
    }
  }

  get size(): number {
    return this.values.length;
  }

  redact(text: string): string {
    if (this.values.length === 0 || text === '') return text;
    let out = text;
    for (const secret of this.values) if (secret.length < MIN_ECHO) out = out.split(secret).join(REDACTED);
    out = this.redactCutEchoes(out);
    if (this.grams.size === 0) return out;
    let result = '';
    let i = 0;
    while (i < out.length) {
      const owners = i + MIN_ECHO <= out.length ? this.grams.get(out.slice(i, i + MIN_ECHO)) : undefined;
      if (!owners) {
        result += out[i];
        i++;
        continue;
      }
      // Extend the match as far as any secret containing this piece allows.
      let end = i + MIN_ECHO;
      for (const secret of owners) {
        for (let at = secret.indexOf(out.slice(i, i + MIN_ECHO)); at !== -1; at = secret.indexOf(out.slice(i, i + MIN_ECHO), at + 1)) {
          let k = 0;
          while (at + k < secret.length && i + k < out.length && secret[at + k] === out[i + k]) k++;
          end = Math.max(end, i + k);
        }
      }
      result += REDACTED;
      i = end;
    }
    return result;
  }

  private redactCutEchoes(text: string): string {
    let out = text;
    for (const secret of this.values) {
      for (let k = Math.min(secret.length - 1, 64); k >= MIN_CUT_ECHO; k--) {
        const start = secret.slice(0, k);
        const cut = new RegExp(`${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=…|\\.\\.\\.|\\s*$| …\\[truncated\\])`, 'g');
        out = out.replace(cut, REDACTED);
      }
    }
    return out;
  }
}
