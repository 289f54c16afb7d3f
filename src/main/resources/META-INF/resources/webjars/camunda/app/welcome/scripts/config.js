/*
 * Parcours: overrides the packaged config.js of this Camunda 7.24 webapp (same path in the
 * application's classpath, which comes before the webjar). French first, Dutch and English
 * available; the language follows the browser (navigator.languages), French when none matches.
 * Translations: ../locales/fr.json and nl.json (LocalesCompletenessTest checks every key of the
 * packaged en.json is there). See docs/tasklist.md.
 */

export default {
  locales: {
    availableLocales: ["fr", "nl", "en"],
    fallbackLocale: "fr"
  }
};
