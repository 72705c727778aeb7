// Reading and checking addresses, shared by the room and the booking pages.
// No DOM, no network: unit-tested under Node.

/**
 * Only http(s) links are followed (absolute, or relative to base); anything else (javascript:,
 * unreplaced placeholders) is dropped.
 */
export function safeUrl(value, base) {
  if (typeof value !== 'string' || value.trim() === '') return '';
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch {
    return '';
  }
}

/** The id in pattern's first group, percent-decoded: '' when the path does not match or decodes badly. */
export function idFromPath(pathname, pattern) {
  const match = pattern.exec(pathname);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return '';
  }
}
