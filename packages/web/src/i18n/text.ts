// Text that behaves the same in Turkish and English: a search key in which "istanbul",
// "İSTANBUL", "ISTANBUL" and "ıstanbul" are all one word. Turkish lower-casing maps I to ı and
// İ to i; the plain one turns İ into i plus a combining dot. Folding both ways and dropping the
// marks gives one key a person would expect to match.

export function searchKey(text: string): string {
  return text
    .toLocaleLowerCase('tr')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** True when every word of the query is found in the text, in either language's casing. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchKey(text);
  return searchKey(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Upper case for the language shown: "istanbul" is "İSTANBUL" in Turkish. */
export function upper(text: string, lang: string): string {
  return text.toLocaleUpperCase(lang);
}
