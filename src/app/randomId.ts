/**
 * 128 random bits as hex. Not `crypto.randomUUID()`: a class served from the
 * teacher's laptop (`flowdeck serve`) is plain http on the LAN, not a secure
 * context, where browsers do not have it; `getRandomValues` they all have.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
