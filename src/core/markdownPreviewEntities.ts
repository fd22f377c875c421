/**
 * Character references for one-line previews: every numeric one (`&#35;`, `&#x1F600;`) and the named
 * ones model output actually carries. HTML's full table (2,000+ names) would cost the main entry more
 * than the previews it serves; an unknown name stays as written, which is also what a browser shows
 * for a misspelt one.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "", zwj: "\u200d", zwnj: "\u200c",
  ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009", hellip: "…", mdash: "—", ndash: "–", minus: "−",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", copy: "©", reg: "®", trade: "™", deg: "°",
  plusmn: "±", times: "×", divide: "÷", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³",
  micro: "µ", para: "¶", sect: "§", euro: "€", pound: "£", yen: "¥", cent: "¢", larr: "←", rarr: "→",
  uarr: "↑", darr: "↓", harr: "↔", rArr: "⇒", lArr: "⇐", le: "≤", ge: "≥", ne: "≠", asymp: "≈",
  infin: "∞", check: "✓", star: "☆", hearts: "♥", iexcl: "¡", iquest: "¿", dagger: "†", permil: "‰",
};

const MAX_NAME = 32;

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * The character reference starting at `text[at]` (an `&`), decoded, and the index after its `;`; `null`
 * when there is none there. Looks at no more than 34 characters. Code points that are not characters
 * (0, surrogates, past U+10FFFF) become U+FFFD, as CommonMark says.
 */
export function decodeCharacterReference(text: string, at: number): { text: string; end: number } | null {
  let i = at + 1;
  if (text[i] === "#") {
    const hex = text[i + 1] === "x" || text[i + 1] === "X";
    i += hex ? 2 : 1;
    const start = i;
    const max = hex ? 6 : 7;
    while (i < text.length && i - start < max && (hex ? isHex(text.charCodeAt(i)) : isAlnum(text.charCodeAt(i)) && text.charCodeAt(i) <= 0x39)) i++;
    if (i === start || text[i] !== ";") return null;
    const code = Number.parseInt(text.slice(start, i), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return { text: valid ? String.fromCodePoint(code) : "\ufffd", end: i + 1 };
  }
  const start = i;
  while (i < text.length && i - start < MAX_NAME && isAlnum(text.charCodeAt(i))) i++;
  if (i === start || text[i] !== ";") return null;
  const name = text.slice(start, i);
  const value = Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : undefined;
  return value === undefined ? null : { text: value, end: i + 1 };
}
