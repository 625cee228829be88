// Types of manifest-schema.mjs for the TypeScript tests that call it.
export interface ManifestError {
  line: number | null;
  message: string;
}
export interface ManifestCheck {
  name: string;
  valid: boolean;
  errors: ManifestError[];
}
export declare const schemaDir: string;
export declare const schemaFiles: string[];
export declare function undefinedResourceIds(xml: string): ManifestError[];
export declare function validateManifest(xml: string, name?: string): Promise<ManifestCheck>;
export declare function formatErrors(check: ManifestCheck): string;
