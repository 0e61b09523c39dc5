// Prices as brands send them ("$1,299.00", "EUR 89,90", "29,99") → numbers, and back to text for people.

export interface ParsedPrice {
  amount: number;
  currency?: string;
}

/**
 * Symbols → ISO 4217 where the symbol names one currency in practice. '$' is read as USD and '¥' as JPY: an
 * assumption, which is why an explicit Currency field always wins over a symbol (see normalize).
 * Longer prefixes first so "US$" is not read as "$".
 */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
];

const KNOWN_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An explicit currency field: a three-letter code (any case) or one of the symbols above. */
export function normalizeCurrency(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{3}$/.test(trimmed)) return trimmed.toUpperCase();
  return SYMBOLS.find(([symbol]) => symbol === trimmed)?.[1];
}

/**
 * Lenient: "29.99", "$29.99", "29,99", "1,299.00", "1.299,00", "EUR 12.50", "12.50 EUR", "€12,50", "£5", "¥1200".
 * Never assumes cents. Negative, non-finite or unreadable text → undefined.
 * A lone '.' is always the decimal point (impact.com's own format is "29.99"); a lone ',' is a decimal comma when
 * one or two digits follow it ("89,90"), a thousands separator when groups of three follow ("1,299").
 */
export function parsePrice(value: string): ParsedPrice | undefined {
  let rest = value.trim();
  let currency: string | undefined;
  const takeCode = (code: string): boolean => {
    const upper = code.toUpperCase();
    if (!KNOWN_CODES.has(upper) || (currency !== undefined && currency !== upper)) return false;
    currency = upper;
    return true;
  };
  const prefixCode = /^([A-Za-z]{3})\s*(?=[^A-Za-z])/.exec(rest);
  if (prefixCode?.[1] !== undefined) {
    if (!takeCode(prefixCode[1])) return undefined;
    rest = rest.slice(prefixCode[0].length);
  }
  const suffixCode = /(?<=[^A-Za-z])\s*([A-Za-z]{3})$/.exec(rest);
  if (suffixCode?.[1] !== undefined) {
    if (!takeCode(suffixCode[1])) return undefined;
    rest = rest.slice(0, rest.length - suffixCode[0].length);
  }
  rest = rest.trim();
  for (const [symbol, code] of SYMBOLS) {
    if (rest.startsWith(symbol)) rest = rest.slice(symbol.length).trim();
    else if (rest.endsWith(symbol)) rest = rest.slice(0, -symbol.length).trim();
    else continue;
    // "EUR $5": a written code is more explicit than a symbol, so it stays.
    currency ??= code;
    break;
  }
  const amount = parseDecimal(rest);
  if (amount === undefined) return undefined;
  return currency === undefined ? { amount } : { amount, currency };
}

/** Digits with optional grouping and one decimal separator → a finite non-negative number. */
function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s'\u00A0\u202F]/g, '');
  if (!/^\d[\d.,]*$/.test(compact) && !/^[.,]\d+$/.test(compact)) return undefined;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let integer = compact;
  let fraction = '';
  let group = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    integer = compact.slice(0, decimalAt);
    fraction = compact.slice(decimalAt + 1);
    group = lastDot > lastComma ? ',' : '.';
  } else if (lastComma >= 0) {
    const afterComma = compact.slice(lastComma + 1);
    const isDecimalComma = compact.indexOf(',') === lastComma && afterComma.length !== 3;
    if (isDecimalComma) {
      integer = compact.slice(0, lastComma);
      fraction = afterComma;
    } else group = ',';
  } else if (lastDot >= 0) {
    if (compact.indexOf('.') === lastDot) {
      integer = compact.slice(0, lastDot);
      fraction = compact.slice(lastDot + 1);
    } else group = '.';
  }
  if (!/^\d*$/.test(fraction)) return undefined;
  if (group !== '') {
    const groups = integer.split(group);
    const wellGrouped = groups.every((part, i) => (i === 0 ? /^\d{1,3}$/.test(part) : /^\d{3}$/.test(part)));
    if (!wellGrouped) return undefined;
    integer = groups.join('');
  }
  if (!/^\d*$/.test(integer) || integer + fraction === '') return undefined;
  const amount = Number(`${integer || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(amount) || amount < 0) return undefined;
  // The decimal text is exact already; rounding to 1e-6 only removes binary noise a caller might add later.
  return Math.round(amount * 1e6) / 1e6;
}

/**
 * "$39.99", "€12.50", "12.50 CHF" (codes without a symbol go after the number), "1,299.00" without a currency.
 * Shown with the precision rules compare at: a stored 79.995 reads "$79.995", never a rounded "$80.00" that a
 * "below $80" alert would contradict. The currency's usual decimals are the minimum; up to 6 more are kept.
 */
export function formatPrice(amount: number, currency?: string): string {
  const code = currency?.toUpperCase();
  const decimals = storedDecimals(amount);
  if (code !== undefined && KNOWN_CODES.has(code)) {
    const usual = new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions();
    const parts = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      minimumFractionDigits: usual.minimumFractionDigits,
      maximumFractionDigits: Math.max(usual.maximumFractionDigits ?? 2, decimals),
    }).formatToParts(amount);
    const symbol = parts.find((part) => part.type === 'currency')?.value;
    if (symbol !== code) return parts.map((part) => part.value).join('');
    const number = parts.filter((part) => part.type !== 'currency' && part.type !== 'literal');
    return `${number.map((part) => part.value).join('')} ${code}`;
  }
  const plain = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.max(2, decimals),
  }).format(amount);
  return code !== undefined && /^[A-Z]{3}$/.test(code) ? `${plain} ${code}` : plain;
}

/** Decimal places the number really has, up to the 6 that parsePrice keeps (binary noise beyond that is ignored). */
function storedDecimals(amount: number): number {
  if (!Number.isFinite(amount)) return 0;
  const fraction = amount.toFixed(6).split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** Percent change from → to, rounded to one decimal: 39.99 → 34.99 is -12.5. 0 when `from` is 0. */
export function percentChange(from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === 0) return 0;
  const raw = ((to - from) / from) * 100;
  const rounded = Math.sign(raw) * (Math.round(Math.abs(raw) * 10) / 10);
  return rounded === 0 ? 0 : rounded;
}
