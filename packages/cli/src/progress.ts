/** Progress on stderr: a redrawn bar on a TTY, plain lines otherwise. Data never goes here. */
export class Progress {
  private done = 0;
  private readonly tty: boolean;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = !!stream.isTTY;
  }

  /** One file finished: `ok` lines are quiet on a TTY (the bar shows them), failures always print. */
  tick(line: string, failed = false): void {
    this.done++;
    if (this.quiet && !failed) return;
    if (this.tty) {
      this.stream.write('\r\x1b[K');
      if (failed) this.stream.write(`${line}\n`);
      const width = 30;
      const filled = Math.round((this.done / Math.max(1, this.total)) * width);
      this.stream.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`);
      if (this.done === this.total) this.stream.write('\n');
    } else {
      this.stream.write(`[${this.done}/${this.total}] ${line}\n`);
    }
  }
}
