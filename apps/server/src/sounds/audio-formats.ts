/**
 * The audio types Switchboard reads and writes. Input types are an allow-list: sox is only ever told one of
 * these, never a type taken from a file name or a Content-Type header.
 */
export const INPUT_TYPES = ['wav', 'mp3', 'ogg', 'flac', 'gsm', 'ulaw', 'alaw'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** Types without a header: sox can not tell them from noise, so the uploader must say which one it is. */
export const RAW_INPUT_TYPES: ReadonlySet<InputType> = new Set(['gsm', 'ulaw', 'alaw']);

/** The sox `-t` argument (and raw sample layout) for each allowed input type. */
export const SOX_INPUT_ARGS: Record<InputType, readonly string[]> = {
  wav: ['-t', 'wav'],
  mp3: ['-t', 'mp3'],
  ogg: ['-t', 'ogg'],
  flac: ['-t', 'flac'],
  gsm: ['-t', 'gsm', '-r', '8000', '-c', '1'],
  ulaw: ['-t', 'ul', '-r', '8000', '-c', '1'],
  alaw: ['-t', 'al', '-r', '8000', '-c', '1'],
};

/** Every format Asterisk may pick for `Playback(custom/<tenant>/<name>)`. */
export const OUTPUT_FORMATS = ['wav', 'ulaw', 'alaw', 'gsm', 'sln16'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File extension Asterisk looks for, and the sox arguments that write it. */
export const OUTPUT_SPECS: Record<OutputFormat, { extension: string; args: readonly string[] }> = {
  wav: { extension: 'wav', args: ['-t', 'wav', '-e', 'signed-integer', '-b', '16', '-r', '8000', '-c', '1'] },
  ulaw: { extension: 'ulaw', args: ['-t', 'ul', '-r', '8000', '-c', '1'] },
  alaw: { extension: 'alaw', args: ['-t', 'al', '-r', '8000', '-c', '1'] },
  gsm: { extension: 'gsm', args: ['-t', 'gsm', '-r', '8000', '-c', '1'] },
  sln16: {
    extension: 'sln16',
    args: ['-t', 'raw', '-e', 'signed-integer', '-b', '16', '-r', '16000', '-c', '1'],
  },
};

/** A file's type from its first bytes, or undefined when it has no recognisable header. */
export function sniffAudioType(head: Buffer): Exclude<InputType, 'gsm' | 'ulaw' | 'alaw'> | undefined {
  const ascii = (start: number, end: number) => head.subarray(start, end).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame sync: 11 set bits, then a layer that is not "reserved".
  if (
    head.length >= 2 &&
    head[0] === 0xff &&
    ((head[1] ?? 0) & 0xe0) === 0xe0 &&
    ((head[1] ?? 0) & 0x06) !== 0
  ) {
    return 'mp3';
  }
  return undefined;
}

/** Raw GSM 06.10 is a run of 33-byte frames, each starting with the 0xD signature nibble. */
export function looksLikeRawGsm(head: Buffer, totalSize: number): boolean {
  if (totalSize === 0 || totalSize % 33 !== 0) return false;
  for (let offset = 0; offset + 33 <= head.length; offset += 33) {
    if (((head[offset] ?? 0) & 0xf0) !== 0xd0) return false;
  }
  return true;
}

/** Seconds of audio in a raw file of `size` bytes (the raw types are 8 kHz mono). */
export function rawDurationSeconds(type: InputType, size: number): number | undefined {
  if (type === 'gsm') return (size / 33) * 0.02;
  if (type === 'ulaw' || type === 'alaw') return size / 8000;
  return undefined;
}
