/**
 * Splits a child's output stream into lines with a bounded buffer: a line longer than `maxLine` is cut
 * there (the rest of it is dropped, and `truncated` is set) so a binary that prints without newlines cannot
 * grow our memory. Handles \n and \r\n; decodes UTF-8 across chunk boundaries.
 */
export class LineSplitter {
  private partial = '';
  private dropping = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly onLine: (line: string, truncated: boolean) => void,
    private readonly maxLine = 16 * 1024,
  ) {}

  push(chunk: Buffer): void {
    let text = this.decoder.decode(chunk, { stream: true });
    for (;;) {
      const nl = text.indexOf('\n');
      if (nl < 0) break;
      const piece = text.slice(0, nl);
      text = text.slice(nl + 1);
      if (this.dropping) this.dropping = false;
      else this.emit(this.partial + piece, false);
      this.partial = '';
    }
    if (this.dropping) return;
    this.partial += text;
    if (this.partial.length > this.maxLine) {
      this.emit(this.partial.slice(0, this.maxLine), true);
      this.partial = '';
      this.dropping = true;
    }
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest.length > 0 && !this.dropping) this.emit(rest, false);
    this.dropping = false;
  }

  private emit(line: string, truncated: boolean): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line, truncated);
  }
}
