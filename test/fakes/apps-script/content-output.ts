// The content both Apps Script outputs hold (ContentService's TextOutput, HtmlService's HtmlOutput).
export class FakeContentOutput {
  constructor(private content: string) {}
  getContent() {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(content: string): this {
    this.content += content;
    return this;
  }
}
