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

function initialLanguage(languages: readonly string[], storageKey: string): string {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (saved && languages.includes(saved)) return saved;
  for (const wanted of globalThis.navigator?.languages ?? []) {
    const base = wanted.toLowerCase().split('-')[0] ?? '';
    if (languages.includes(base)) return base;
  }
  return languages[0] ?? 'en';
}

export function I18nProvider(props: {
  catalogues: Record<string, Catalogue>;
  /** Where the choice is remembered (localStorage). */
  storageKey: string;
  children: ReactNode;
}) {
  const { catalogues, storageKey } = props;
  const flat = useMemo(
    () => Object.fromEntries(Object.entries(catalogues).map(([lang, c]) => [lang, flatten(c)])),
    [catalogues],
  );
  const languages = useMemo(() => Object.keys(catalogues), [catalogues]);
  const [lang, setLangState] = useState(() => initialLanguage(languages, storageKey));

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: string) => {
      if (!languages.includes(next)) return;
      globalThis.localStorage?.setItem(storageKey, next);
      setLangState(next);
    },
    [languages, storageKey],
  );

  const value = useMemo<I18n>(() => {
    const words = flat[lang] ?? {};
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
  }, [flat, lang, languages, setLang]);

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
