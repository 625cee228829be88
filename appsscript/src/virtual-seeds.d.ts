// The seeds/*.json templates as the build embeds them (scripts/build-appsscript.mjs makes this module).
declare module "virtual:chitieu-seeds" {
  const seeds: readonly unknown[];
  export default seeds;
}

// seeds/measures/*.json, embedded the same way.
declare module "virtual:chitieu-measures" {
  const tables: readonly unknown[];
  export default tables;
}
