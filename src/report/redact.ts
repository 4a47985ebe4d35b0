/** Shortest piece of a secret treated as an echo of it; shorter runs are too common to mean anything. */
const MIN_ECHO = 12;
/** A shorter start of a secret still counts where text was cut right after it. */
const MIN_CUT_ECHO = 6;
/** Longest start of a secret looked for before a cut; longer ones contain a MIN_ECHO piece anyway. */
const MAX_CUT_ECHO = 64;
export const REDACTED = '***';

/** Where a text was cut (besides its end): an ellipsis, '...', or the summary's truncation mark. */
const CUT_MARK = /…|\.\.\.| …\[truncated\]/g;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * The characters each common percent-encoder leaves as they are: RFC 3986 unreserved (Go's
 * QueryEscape, Python's quote(safe='')), encodeURIComponent, form encoding (URLSearchParams,
 * Java's URLEncoder), Python's quote() default, a path segment (Go's PathEscape), and an
 * encoder that leaves nothing but letters and digits.
 */
const PERCENT_SAFE_SETS = [`${ALNUM}-._~`, `${ALNUM}-._~!'()*`, `${ALNUM}-._*`, `${ALNUM}-._~/`, `${ALNUM}-._~!$&'()*+,;=:@`, ALNUM];

function percentEncode(text: string, safe: string, lowerHex: boolean): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && safe.includes(char)) out += char;
    else {
      const hex = byte.toString(16).toUpperCase().padStart(2, '0');
      out += `%${lowerHex ? hex.toLowerCase() : hex}`;
    }
  }
  return out;
}

function jsonEscapes(text: string): string[] {
  const plain = JSON.stringify(text).slice(1, -1);
  const slashes = plain.replace(/\//g, '\\/'); // PHP's json_encode, some Java encoders
  // Go's encoding/json (and others, to be safe in HTML) write <, >, & and ' as \u escapes.
  const htmlSafe = (json: string) => json.replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [plain, slashes, htmlSafe(plain), htmlSafe(slashes)];
}

function htmlEscapes(text: string): string[] {
  const base = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [base.replace(/"/g, '&quot;').replace(/'/g, '&#39;'), base.replace(/"/g, '&#34;').replace(/'/g, '&#x27;')];
}

/**
 * Base64 of the secret, and of the secret inside a longer text (a header line `X-API-Key: …`, a
 * `Bearer …` value, a JSON body), where it starts 1 or 2 bytes into a 3-byte group and encodes to
 * other characters. The middle of each shifted encoding does not depend on what surrounds the
 * secret: its first and last 4 characters (the groups shared with neighbouring bytes) are left out.
 */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const standard = bytes.toString('base64');
  const forms = [standard, standard.replace(/=+$/, ''), bytes.toString('base64url')];
  for (const shift of [1, 2]) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]);
    for (const encoding of ['base64', 'base64url'] as const) {
      const middle = shifted.toString(encoding).replace(/=+$/, '').slice(4, -4);
      if (middle.length >= 8) forms.push(middle);
    }
  }
  return forms;
}

/**
 * Every form in which a server, a proxy or an error page can echo a secret back: as it is,
 * percent-encoded (by each common encoder, either case of hex, and twice), JSON-escaped,
 * HTML-escaped and base64-encoded (alone or at any offset inside a longer encoded text). The one place these forms are made: every secret registered
 * through `Secrets.add` gets all of them, so no provider can forget one. Echoes cut short are
 * caught by `redact` itself (any 12 characters of a form, or a start of 6 before a cut).
 */
export function echoForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (const safe of PERCENT_SAFE_SETS) {
    forms.add(percentEncode(secret, safe, false));
    forms.add(percentEncode(secret, safe, true));
  }
  forms.add(encodeURI(secret));
  forms.add(encodeURIComponent(encodeURIComponent(secret)));
  for (const form of [...jsonEscapes(secret), ...htmlEscapes(secret), ...base64Forms(secret)]) forms.add(form);
  return [...forms];
}

/**
 * What an HTTP Basic `Authorization` header carries: base64 of `user:password`. Registered as a
 * secret on its own (with its echo forms), because a server that echoes the header shows the
 * pair encoded, where neither the password nor its own forms can be found; the user name alone
 * is not a secret and stays readable.
 */
export function basicCredential(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/**
 * The secrets of this run, and their removal from any text that leaves the process. The runner
 * masks exact matches in the log, but not in the job summary, and not a key the platform echoed
 * only in part or encoded: every form of a secret (see `echoForms`) is registered, every run of 12
 * or more characters of a form is replaced, and so is a start of 6 or more where the text was cut
 * right after it (a message truncated mid-key).
 */
export class Secrets {
  private readonly values: string[] = [];
  private readonly grams = new Map<string, string[]>();

  /**
   * Registers a secret with every form it can be echoed in. Returns the forms that were new, so
   * the caller can hand each to the runner's own masker too.
   */
  add(secret: string): string[] {
    return echoForms(secret).filter((form) => this.addForm(form));
  }

  private addForm(form: string): boolean {
    // One or two characters would erase ordinary words; the runner's own mask still covers them.
    if (form.length < 3 || this.values.includes(form)) return false;
    this.values.push(form);
    if (form.length < MIN_ECHO) return true;
    for (let i = 0; i + MIN_ECHO <= form.length; i++) {
      const gram = form.slice(i, i + MIN_ECHO);
      const owners = this.grams.get(gram) ?? [];
      if (!owners.includes(form)) owners.push(form);
      this.grams.set(gram, owners);
    }
    return true;
  }

  /** How many forms are registered (every secret adds one or more). */
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

  /**
   * A start of a secret that ends right where the text was cut is replaced. Found from each
   * occurrence of a secret's first characters (rare in ordinary text), so a long text full of
   * ellipses costs one scan per secret, not one per cut.
   */
  private redactCutEchoes(text: string): string {
    const cuts = new Set<number>([text.trimEnd().length]);
    for (const match of text.matchAll(CUT_MARK)) cuts.add(match.index);
    const spans: Array<[number, number]> = [];
    for (const secret of this.values) {
      if (secret.length <= MIN_CUT_ECHO) continue;
      const head = secret.slice(0, MIN_CUT_ECHO);
      const max = Math.min(secret.length - 1, MAX_CUT_ECHO);
      for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at + 1)) {
        let length = MIN_CUT_ECHO;
        while (length < max && text[at + length] === secret[length]) length++;
        for (let k = length; k >= MIN_CUT_ECHO; k--) {
          if (cuts.has(at + k)) {
            spans.push([at, at + k]);
            break;
          }
        }
      }
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let done = 0;
    for (const [start, end] of spans) {
      if (end <= done) continue;
      out += start >= done ? `${text.slice(done, start)}${REDACTED}` : '';
      done = end;
    }
    return out + text.slice(done);
  }
}
