// Languages for a front end: catalogues are nested JSON keyed by feature ({"checkin": {"title":
// "..."}}), flattened to "checkin.title". The choice is remembered in the browser, <html lang>
// follows it, and dates and numbers are formatted in it with Intl (no library). `t` fills
// {name} placeholders; a `count` picks the `.one`/`.other` form by the language's plural rules.

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Catalogue, flatten } from './catalogue.ts';

export type { Catalogue };
export type Vars = Record<string, string | number>;

export interface I18n {
  lang: string;
  languages: readonly string[];
  setLang(lang: string): void;
  t(key: string, vars?: Vars): string;
  /** Whether the catalogue has this key (for optional texts such as an API reason's words). */
  has(key: string): boolean;
  date(value: Date | string, opts?: Intl.DateTimeFormatOptions): string;
  time(value: Date | string, opts?: Intl.DateTimeFormatOptions): string;
  dateTime(value: Date | string): string;
  number(value: number, opts?: Intl.NumberFormatOptions): string;
  percent(ratio: number): string;
}

/** The locale Intl formats with for each language (English with day-month order). */
const LOCALES: Record<string, string> = { en: 'en-GB', tr: 'tr-TR' };

const Context = createContext<I18n | null>(null);

export type CatalogueSource = Catalogue | (() => Promise<Catalogue | { default: Catalogue }>);

/**
 * The languages of an app and how to get each catalogue: bundled, or loaded on demand so a
 * phone downloads only the language it shows. Made once, before the first render, so the
 * chosen language's catalogue loads while the rest of the page does.
 */
export interface Languages {
  readonly languages: readonly string[];
  /** Where the choice is remembered; null: nowhere (a site whose visits should leave no trace). */
  readonly storageKey: string | null;
  /** The remembered choice, else the browser's first language we have, else the first listed. */
  readonly initial: string;
  /** The catalogue of `lang`, flattened; loaded once. */
  load(lang: string): Promise<Record<string, string>>;
}

export function createLanguages(
  sources: Record<string, CatalogueSource>,
  storageKey: string | null,
): Languages {
  const languages = Object.keys(sources);
  const loaded = new Map<string, Promise<Record<string, string>>>();
  return {
    languages,
    storageKey,
    initial: initialLanguage(languages, storageKey),
    load(lang) {
      let words = loaded.get(lang);
      if (!words) {
        const source = sources[lang];
        words = (async () => {
          if (!source) return {};
          const value = typeof source === 'function' ? await source() : source;
          return flatten(('default' in value ? value.default : value) as Catalogue);
        })();
        words.catch(() => loaded.delete(lang));
        loaded.set(lang, words);
      }
      return words;
    },
  };
}

function initialLanguage(languages: readonly string[], storageKey: string | null): string {
  const saved = storageKey === null ? null : globalThis.localStorage?.getItem(storageKey);
  if (saved && languages.includes(saved)) return saved;
  for (const wanted of globalThis.navigator?.languages ?? []) {
    const base = wanted.toLowerCase().split('-')[0] ?? '';
    if (languages.includes(base)) return base;
  }
  return languages[0] ?? 'en';
}

export function I18nProvider(props: {
  languages: Languages;
  /** The initial language's catalogue, loaded before the first render (`languages.load(initial)`). */
  words: Record<string, string>;
  children: ReactNode;
}) {
  const { languages: source } = props;
  const { languages, storageKey } = source;
  const [current, setCurrent] = useState({ lang: source.initial, words: props.words });
  const { lang, words } = current;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: string) => {
      if (!languages.includes(next)) return;
      if (storageKey !== null) globalThis.localStorage?.setItem(storageKey, next);
      source.load(next).then(
        (loaded) => setCurrent({ lang: next, words: loaded }),
        () => {}, // offline: stay in the language shown; the next press tries again
      );
    },
    [languages, storageKey, source],
  );

  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang] ?? lang;
    const plural = new Intl.PluralRules(locale);
    const asDate = (v: Date | string) => (typeof v === 'string' ? new Date(v) : v);
    const t = (key: string, vars?: Vars) => {
      let text = words[key];
      if (vars && typeof vars.count === 'number')
        text = words[`${key}.${plural.select(vars.count)}`] ?? words[`${key}.other`] ?? text;
      if (text === undefined) return key;
      return vars
        ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
        : text;
    };
    return {
      lang,
      languages,
      setLang,
      t,
      has: (key) => key in words || `${key}.other` in words,
      date: (v, opts) => asDate(v).toLocaleDateString(locale, opts ?? { dateStyle: 'medium' }),
      time: (v, opts) => asDate(v).toLocaleTimeString(locale, opts ?? { timeStyle: 'short' }),
      dateTime: (v) => asDate(v).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      number: (n, opts) => n.toLocaleString(locale, opts),
      percent: (ratio) => ratio.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }),
    };
  }, [words, lang, languages, setLang]);

  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(Context);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** A switch between the languages, each named in itself. */
export function LanguageSwitch(props: { names: Record<string, string>; label: string }) {
  const { lang, languages, setLang } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{props.label}</legend>
      {languages.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="link-button"
          aria-pressed={l === lang}
          onClick={() => setLang(l)}
        >
          {props.names[l] ?? l}
        </button>
      ))}
    </fieldset>
  );
}
