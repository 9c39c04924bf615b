import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types';
import en from './common/en.json';
import ja from './common/ja.json';

const STORAGE_KEY = 'shinrai.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the user picked earlier on this device, if any. */
export function storedLanguage(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLanguage(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'ja';
}

/** Switches the UI language and remembers it in localStorage. */
export async function changeLanguage(lang: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
  await i18n.changeLanguage(lang);
}

/** A module's i18next namespace, loaded on demand together with the module's pages. */
export interface Namespace {
  readonly name: string;
  /** Adds the namespace's ja and en strings to i18next (once; later calls reuse the first load). */
  load(): Promise<void>;
}

type Strings = Record<string, unknown>;

/**
 * Declares a module's namespace; `importer` imports its ja.json and en.json (dynamic imports, so the
 * strings travel in their own chunk, fetched beside the module's pages).
 */
export function defineNamespace(
  name: string,
  importer: () => Promise<Record<Locale, { default: Strings }>>,
): Namespace {
  let loading: Promise<void> | undefined;
  const load = () => {
    loading ??= importer().then(
      (bundles) => {
        for (const lang of LOCALES) i18n.addResourceBundle(lang, name, bundles[lang].default, true, true);
      },
      (error: unknown) => {
        loading = undefined; // a failed chunk load (network) may be retried on the next navigation
        throw error;
      },
    );
    return loading;
  };
  return { name, load };
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // Only the shared strings are bundled; each module adds its namespace when its pages load.
  resources: { ja: { common: ja }, en: { common: en } },
  ns: ['common'],
  defaultNS: 'common',
  fallbackNS: 'common',
  lng: storedLanguage() ?? 'ja',
  fallbackLng: 'ja',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
  react: { useSuspense: false },
});

export default i18n;
