// Go's time.LoadLocation reads the IANA database from disk, which a pure module cannot. A name must have the
// shape of an IANA name (`Area/Location`, or a single capitalised name such as `UTC`, `EST`, `Japan`) and,
// where the runtime has ICU (Node, browsers), be a zone ICU knows; ICU is case-insensitive, Go is not, so the
// shape check also keeps `utc` out.

const zoneName = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function isKnownToIntl(name: string): boolean {
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why a timezone name cannot be loaded, or undefined when it names a zone. */
export function checkTimezone(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  if (name.split('/').includes('..') || !zoneName.test(name) || !isKnownToIntl(name)) return `unknown time zone ${name}`;
  return undefined;
}
