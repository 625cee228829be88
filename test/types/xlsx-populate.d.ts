// The part of xlsx-populate (no types of its own) the tests use: open a workbook, save it with a password.
declare module "xlsx-populate" {
  interface Workbook {
    outputAsync(options?: { password?: string }): Promise<Buffer>;
  }
  const XlsxPopulate: { fromDataAsync(data: Buffer | Uint8Array): Promise<Workbook> };
  export default XlsxPopulate;
}
