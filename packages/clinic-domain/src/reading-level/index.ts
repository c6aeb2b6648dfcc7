/**
 * Reading levels, imported from "clinic-domain/src/reading-level" by the plugin (which bundles
 * it), not from the package's main entry: `syllable` is an ES module, which the CMS's and the
 * site's CommonJS test runners cannot require.
 */
export * from './reading-level';
export * from './plain-text';
export * from './spanish-syllables';
export * from './text-sections';
