import { writeSync } from 'node:fs';
import { ConsoleLogger, LogLevel } from '@nestjs/common';

/**
 * Nest's JSON console logger whose stdout lines are gathered and written once per turn of the
 * event loop (a terminal or a pipe is written synchronously on Linux: one write per request line
 * would make every request wait on the reader of the log). Errors still go out at once, and what
 * is gathered is written before the process exits.
 */
export class BufferedJsonLogger extends ConsoleLogger {
  private static pending: string[] = [];
  private static scheduled = false;

  constructor() {
    super({ json: true, colors: false });
    process.once('exit', () => BufferedJsonLogger.flushNow());
  }

  protected override printAsJson(message: unknown, options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown }): void {
    if (options.writeStreamType === 'stderr') {
      BufferedJsonLogger.flushNow();
      super.printAsJson(message, options);
      return;
    }
    BufferedJsonLogger.pending.push(this.stringifyJsonLogObject(this.getJsonLogObject(message, options)));
    if (BufferedJsonLogger.pending.length >= 1000) return BufferedJsonLogger.flush();
    if (!BufferedJsonLogger.scheduled) {
      BufferedJsonLogger.scheduled = true;
      setImmediate(BufferedJsonLogger.flush);
    }
  }

  private static flush(): void {
    BufferedJsonLogger.scheduled = false;
    if (BufferedJsonLogger.pending.length === 0) return;
    const lines = BufferedJsonLogger.pending.join('\n') + '\n';
    BufferedJsonLogger.pending = [];
    process.stdout.write(lines);
  }

  private static flushNow(): void {
    if (BufferedJsonLogger.pending.length === 0) return;
    const lines = BufferedJsonLogger.pending.join('\n') + '\n';
    BufferedJsonLogger.pending = [];
    try {
      writeSync(1, lines);
    } catch {
      // stdout already closed: nothing left to tell
    }
  }
}
