/** One record of the engine's tracing output (spec sn2-2026.md §3.1), before it is classified. */
export interface LogRecord {
  /** ms since epoch, from the record's RFC 3339 timestamp (microseconds kept as a fraction). */
  at: number;
  level: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Span prefix, e.g. `start{host=0.0.0.0 port=8091}:`; empty when none. */
  spans: string;
  target: string;
  message: string;
}

// The spec's suggested record regex (§3.1), unchanged.
const RECORD =
  /^(\S+Z)\s+(TRACE|DEBUG|INFO|WARN|ERROR) ((?:[A-Za-z_][A-Za-z0-9_]*(?:\{[^}]*\})?:)*)\s?([A-Za-z0-9_]+(?:::[A-Za-z0-9_]+)*): (.*)$/;
const ANSI = /\x1b\[[0-9;]*m/g;

export const stripAnsi = (line: string): string => line.replace(ANSI, '');

/** A record, or null for a line that is not one (a `Caused by:` continuation, a panic, garbage). */
export function parseLogRecord(rawLine: string): LogRecord | null {
  const m = RECORD.exec(stripAnsi(rawLine));
  if (!m) return null;
  const at = parseTimestamp(m[1]);
  if (at === null) return null;
  return { at, level: m[2] as LogRecord['level'], spans: m[3], target: m[4], message: m[5] };
}

/** `2026-08-08T10:00:00.123456Z` → ms since epoch with the microseconds as a fraction. */
function parseTimestamp(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) return null;
  const whole = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(whole)) return null;
  const frac = m[2] ? Number(`0.${m[2]}`) * 1000 : 0;
  return whole + frac;
}

/**
 * The fields after a message, in the order the spec lists them: `key=value` where a value is either a
 * Debug-quoted string or bare text up to the next ` key=` (bare values may contain spaces, §3.1). Only the
 * keys named are looked for, so a bare value with spaces is not split on words that look like keys.
 */
export function readFields(rest: string, keys: readonly string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  let text = rest;
  for (let i = 0; i < keys.length; i++) {
    const prefix = `${keys[i]}=`;
    if (!text.startsWith(prefix)) return null;
    text = text.slice(prefix.length);
    if (text.startsWith('"')) {
      const end = closingQuote(text);
      if (end < 0) return null;
      out[keys[i]] = unquote(text.slice(0, end + 1));
      text = text.slice(end + 1).replace(/^ /, '');
      continue;
    }
    const next = keys[i + 1];
    const stop = next === undefined ? -1 : text.indexOf(` ${next}=`);
    out[keys[i]] = stop < 0 ? text : text.slice(0, stop);
    text = stop < 0 ? '' : text.slice(stop + 1);
  }
  return out;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** A Rust Debug string literal; Rust escapes JSON lacks (`\u{1b}`) are kept as written. */
function unquote(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
