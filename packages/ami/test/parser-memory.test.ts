import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AmiParser } from '../src/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('AmiParser memory', () => {
  it('a kept header value does not pin the whole socket read it arrived in', () => {
    const filler = 'x'.repeat(60_000);
    const kept: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    const parser = new AmiParser({ expectBanner: false });
    for (let i = 0; i < 200; i++) {
      // One ~60 KB read: a Newchannel whose Channel a call tracker would keep, then a bulky event.
      const chunk = Buffer.from(
        `Event: Newchannel\r\nChannel: PJSIP/trunk-provider-${String(i).padStart(8, '0')}\r\n\r\n` +
          `Event: UserEvent\r\nPayload: ${filler}\r\n\r\n`,
      );
      const [newchannel] = parser.push(chunk);
      kept.push(newchannel!.get('Channel')!);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(200);
    // Pinning each read would keep 200 x 60 KB = 12 MB alive; kept values themselves are ~200 x 60 bytes.
    expect(retained).toBeLessThan(3 * 1024 * 1024);
  });
});
