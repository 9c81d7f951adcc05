import { describe, expect, it } from 'vitest';
import { createSprigMiscFunctions } from './sprig-misc';
import { GoTime, toGoTime } from './go-time';
import { itMatchesExprLang } from './test-support';

describe('sprig JSON, path, encoding, regex and date functions match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["sprig.adler32sum(\"hello\")", "\"103547413\""],
    ["sprig.b32dec(\"NBSWY3DP\")", "\"hello\""],
    ["sprig.b32enc(\"hello\")", "\"NBSWY3DP\""],
    ["sprig.b64dec(\"aGVsbG8=\")", "\"hello\""],
    ["sprig.b64enc(\"hello\")", "\"aGVsbG8=\""],
    ["sprig.base(\"/a/b.txt\")", "\"b.txt\""],
    ["sprig.clean(\"/a/../b/./c/\")", "\"/b/c\""],
    ["sprig.date(\"2006-01-02\", 0)", "\"1970-01-01\""],
    ["sprig.dateModify(\"1h\", date(\"2023-01-01\"))", "\"2023-01-01T01:00:00Z\""],
    ["sprig.deepEqual({\"a\": [1]}, {\"a\": [1]})", "true"],
    ["sprig.dir(\"/a/b.txt\")", "\"/a\""],
    ["sprig.duration(\"95\")", "\"1m35s\""],
    ["sprig.durationRound(\"2h5m\")", "\"2h\""],
    ["sprig.ext(\"x.tar.gz\")", "\".gz\""],
    ["sprig.fromJson(\"{\\\"a\\\": [1, 2]}\")", "{\"a\":[1,2]}"],
    ["sprig.hello()", "\"Hello!\""],
    ["sprig.htmlDate(86400)", "\"1970-01-02\""],
    ["sprig.isAbs(\"a/b\")", "false"],
    ["sprig.kindIs(\"slice\", [1])", "true"],
    ["sprig.kindOf(1.5)", "\"float64\""],
    ["sprig.regexFind(\"[0-9]+\", \"a1b22\")", "\"1\""],
    ["sprig.regexFindAll(\"[0-9]+\", \"a1b22c333\", 2)", "[\"1\",\"22\"]"],
    ["sprig.regexMatch(\"^[a-z]+$\", \"abc\")", "true"],
    ["sprig.regexQuoteMeta(\"a.b*c\")", "\"a\\\\.b\\\\*c\""],
    ["sprig.regexReplaceAll(\"a(x*)b\", \"-ab-axxb-\", \"$1W\")", "\"---\""],
    ["sprig.regexReplaceAll(\"a(x*)b\", \"-ab-axxb-\", \"${1}W\")", "\"-W-xxW-\""],
    ["sprig.regexReplaceAllLiteral(\"a\", \"banana\", \"$1\")", "\"b$1n$1n$1\""],
    ["sprig.regexSplit(\"a\", \"banana\", -1)", "[\"b\",\"n\",\"n\",\"\"]"],
    ["sprig.regexSplit(\"a\", \"banana\", 2)", "[\"b\",\"nana\"]"],
    ["sprig.sha1sum(\"hello world\")", "\"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\""],
    ["sprig.sha256sum(\"hi\")", "\"8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4\""],
    ["sprig.sha512sum(\"abc\")", "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\""],
    ["sprig.toDate(\"2006-01-02\", \"2023-05-06\")", "\"2023-05-06T00:00:00Z\""],
    ["sprig.toJson({\"a\": \"<b>\"})", "\"{\\\"a\\\":\\\"\\\\u003cb\\\\u003e\\\"}\""],
    ["sprig.toPrettyJson({\"a\": [1, {\"b\": 2}]})", "\"{\\n  \\\"a\\\": [\\n    1,\\n    {\\n      \\\"b\\\": 2\\n    }\\n  ]\\n}\""],
    ["sprig.toRawJson({\"a\": \"<\"})", "\"{\\\"a\\\":\\\"\\u003c\\\"}\""],
    ["sprig.typeIs(\"string\", \"a\")", "true"],
    ["sprig.typeOf(1)", "\"int\""],
    ["sprig.unixEpoch(date(\"2023-01-01\"))", "\"1672531200\""],
  ]);
});

describe('createSprigMiscFunctions', () => {
  const now = toGoTime(new Date('2024-05-06T07:08:09Z'));
  const sprig = createSprigMiscFunctions(now);

  it('formats "now" for anything that is not a time, as sprig does', () => {
    expect(sprig.date?.('2006', '2021-01-01T00:00:00Z')).toBe('2024');
    expect(sprig.date?.('2006-01-02', new GoTime(0n))).toBe('1970-01-01');
    expect(sprig.ago?.(new GoTime(now.epochNanos - 90_000_000_000n))).toBe('1m30s');
  });

  it('fails instead of reading the system clock when no clock is given', () => {
    expect(() => createSprigMiscFunctions(undefined).now?.()).toThrow('needs a clock');
  });

  it('swallows errors in the non-must variants', () => {
    expect(sprig.fromJson?.('{')).toBeNull();
    expect(() => sprig.mustFromJson?.('{')).toThrow();
    expect(sprig.regexMatch?.('(', 'x')).toBe(false);
    expect(() => sprig.mustRegexMatch?.('(', 'x')).toThrow('error parsing regexp');
  });

  it('refuses time zones other than UTC', () => {
    expect(() => sprig.dateInZone?.('2006', now, 'Asia/Tokyo')).toThrow('time zone Asia/Tokyo is not available');
  });
});
