// Go's time.LoadLocation reads the IANA database, which a pure module cannot; names shaped like one
// (`Area/Location`, or a single capitalised name such as `UTC`, `EST`, `Japan`) are accepted instead.

const zoneName = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Why a timezone name cannot be loaded, or undefined when it has the shape of an IANA name. */
export function checkTimezone(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  if (name.split('/').includes('..') || !zoneName.test(name)) return `unknown time zone ${name}`;
  return undefined;
}
