import { fail } from './expression-error';
import type { GoTime } from './go-time';
import { SPRIG_COLLECTION_FUNCTIONS } from './sprig-collections';
import { SPRIG_MATH_FUNCTIONS } from './sprig-math';
import { createSprigMiscFunctions } from './sprig-misc';
import { SPRIG_STRING_FUNCTIONS } from './sprig-strings';
import { toValueMap } from './value';
import type { ExprFunction, ValueMap } from './value';

// Argo exposes sprig.GenericFuncMap() (minus env and expandenv) as `sprig` in expressions. The functions below that
// need randomness, the network or key material cannot run in pure lib/ code; they fail with a clear message rather
// than being missing, so the error names the real reason.
const UNAVAILABLE = [
  'randAlphaNum', 'randAlpha', 'randAscii', 'randNumeric', 'randInt', 'randBytes', 'shuffle', 'uuidv4', 'bcrypt',
  'htpasswd', 'genPrivateKey', 'derivePassword', 'buildCustomCert', 'genCA', 'genCAWithKey', 'genSelfSignedCert',
  'genSelfSignedCertWithKey', 'genSignedCert', 'genSignedCertWithKey', 'encryptAES', 'decryptAES', 'getHostByName',
  'urlParse', 'urlJoin',
];

// Semantic-version constraints (Masterminds/semver) are a language of their own and are not reproduced yet.
const NOT_IMPLEMENTED = ['semver', 'semverCompare'];

// Building the namespace takes a couple of milliseconds, so recent ones are kept, keyed by their clock. They are
// frozen: every environment built for the same instant shares one.
const recent = new Map<string, ValueMap>();

/** Builds the `sprig` namespace of Argo's expression environment; `now` is the clock for sprig's date functions. */
export function createSprigFunctions(now?: GoTime): ValueMap {
  const key = now ? `${now.epochNanos}/${now.offsetSeconds}/${now.zone}` : '';
  const cached = recent.get(key);
  if (cached) return cached;
  const built = Object.freeze(buildSprigFunctions(now));
  if (recent.size >= 16) recent.delete(recent.keys().next().value ?? '');
  recent.set(key, built);
  return built;
}

function buildSprigFunctions(now?: GoTime): ValueMap {
  const unavailable: Record<string, ExprFunction> = Object.fromEntries(UNAVAILABLE.map((name) => [
    name,
    () => fail(`sprig.${name} is not available in Capstan: it needs randomness, the network or key material`),
  ]));
  const notImplemented: Record<string, ExprFunction> = Object.fromEntries(NOT_IMPLEMENTED.map((name) => [
    name,
    () => fail(`sprig.${name} is not implemented in Capstan`),
  ]));
  const functions: Record<string, ExprFunction> = {
    ...unavailable,
    ...notImplemented,
    ...SPRIG_STRING_FUNCTIONS,
    ...SPRIG_MATH_FUNCTIONS,
    ...SPRIG_COLLECTION_FUNCTIONS,
    ...createSprigMiscFunctions(now),
  };
  return toValueMap(Object.entries(functions));
}
