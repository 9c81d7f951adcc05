// Argo's `{{...}}` tags as valyala/fasttemplate finds them: scanning the JSON text of a template, each `{{`
// pairs with the next `}}`. A tag starting with `=` is an expression (`{{=...}}`), which validation leaves alone.

/** The tags in a text, or the error fasttemplate gives for a `{{` with no `}}` after it. */
export type TagScan = { tags: string[]; error?: undefined } | { tags?: undefined; error: string };

/** Finds every `{{tag}}` in a text, untrimmed, in order. */
export function scanTemplateTags(text: string): TagScan {
  const tags: string[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return { tags };
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return { error: `cannot find end tag "}}" after "${text.slice(start, start + 40)}"` };
    tags.push(text.slice(start + 2, end));
    from = end + 2;
  }
}

/** Whether a tag is an expression tag (`{{=...}}`). */
export function isExpressionTag(tag: string): boolean {
  return tag.startsWith('=');
}

/**
 * Replaces simple tags whose trimmed name is in `values`, leaving the rest (and expressions) as they are. `text`
 * is JSON, so each value is escaped as the inside of a JSON string, as Argo does with strconv.Quote.
 */
export function replaceTemplateTags(text: string, values: ReadonlyMap<string, string>): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    const end = start < 0 ? -1 : text.indexOf('}}', start + 2);
    if (end < 0) return out + text.slice(from);
    const tag = text.slice(start + 2, end);
    const value = isExpressionTag(tag) ? undefined : values.get(tag.trim());
    out += text.slice(from, start) + (value === undefined ? `{{${tag}}}` : JSON.stringify(value).slice(1, -1));
    from = end + 2;
  }
}
