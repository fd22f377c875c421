/**
 * The shapes a secret takes on its way into an error: as given, trimmed, line by line (a key
 * read from a file with a trailing newline), JSON-escaped (a Headers error quoting it),
 * percent-encoded (a URL or form body echoing it), and base64 (Basic auth, a proxy logging the
 * header, a JWT-ish body) at each of the three byte alignments it can have inside a longer blob.
 */

/** Secrets shorter than this are not hunted: scrubbing "abc" from every message does more harm than good. */
export const MIN_SECRET_LENGTH = 4;

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? "=" : B64[c & 63];
  }
  return out;
}

/**
 * The base64 characters that depend only on `secret`'s bytes when it starts `offset` bytes into
 * a 3-byte group: found anywhere inside a longer base64 text, they give the secret away.
 */
function base64Cores(secret: string): string[] {
  const bytes = utf8(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6); // exclusive
    const core = encoded.slice(first, last);
    if (core.length >= 6) {
      cores.push(core);
      const url = core.replace(/\+/g, "-").replace(/\//g, "_");
      if (url !== core) cores.push(url);
    }
  }
  return cores;
}

function safely(encode: () => string): string | null {
  try {
    return encode();
  } catch {
    return null; // lone surrogates cannot be percent-encoded
  }
}

/** Every form of `secret` worth removing from error text; empty for secrets too short to hunt. */
export function secretForms(secret: string): string[] {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) return [];
  const forms = new Set<string>([secret]);
  const trimmed = secret.trim();
  if (trimmed.length >= MIN_SECRET_LENGTH) forms.add(trimmed);
  for (const line of secret.split(/[\r\n\0]+/)) if (line.trim().length >= MIN_SECRET_LENGTH) forms.add(line.trim());
  for (const base of [...forms]) {
    for (const encoded of [
      safely(() => encodeURIComponent(base)),
      safely(() => encodeURI(base)),
      safely(() => new URLSearchParams({ s: base }).toString().slice(2)),
      safely(() => JSON.stringify(base).slice(1, -1)),
    ]) {
      if (encoded) forms.add(encoded);
    }
  }
  for (const base of [secret, trimmed]) for (const core of base64Cores(base)) forms.add(core);
  return [...forms];
}

/** Credential parts inside one header value: the token after an auth scheme, Basic's decoded pair, cookie values. */
export function headerValueSecrets(name: string, value: string): string[] {
  const found = [value];
  const scheme = /^\s*([A-Za-z][\w-]*)\s+(\S[\s\S]*)$/.exec(value);
  if (scheme) {
    const credential = (scheme[2] as string).trim();
    found.push(credential);
    if ((scheme[1] as string).toLowerCase() === "basic") {
      const decoded = safely(() => new TextDecoder().decode(Uint8Array.from(atob(credential), (c) => c.charCodeAt(0))));
      if (decoded) found.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
    }
  }
  if (/cookie/i.test(name)) {
    for (const pair of value.split(";")) {
      const at = pair.indexOf("=");
      if (at > 0) found.push(pair.slice(at + 1).trim());
    }
  }
  return found;
}
