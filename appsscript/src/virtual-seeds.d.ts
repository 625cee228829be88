// The seeds/*.json templates as the build embeds them (scripts/build-appsscript.mjs makes this module).
declare module "virtual:chitieu-seeds" {
  const seeds: readonly unknown[];
  export default seeds;
}
