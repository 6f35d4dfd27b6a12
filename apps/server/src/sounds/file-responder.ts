import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error.js';
import { parseRange } from './http-range.js';
import { SoundFileStore } from './sound-file-store.js';

/** Sends files over HTTP: whole, or one byte range (206 + Content-Range; 416 when unsatisfiable). */
@Injectable()
export class FileResponder {
  constructor(private readonly files: SoundFileStore) {}

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    file: string,
    contentType: string,
    downloadName: string,
    disposition: 'inline' | 'attachment',
  ): Promise<void> {
    const size = await this.files.size(file).catch(() => undefined);
    if (size === undefined) throw new AppError(404, 'not-found', 'File not found');
    const range = parseRange(request.headers.range, size);
    void reply
      .header('accept-ranges', 'bytes')
      .header('content-type', contentType)
      .header('content-disposition', `${disposition}; filename="${downloadName.replace(/[^\w.-]/g, '_')}"`);
    if (range === 'unsatisfiable') {
      await reply
        .status(416)
        .header('content-range', `bytes */${size}`)
        .header('content-type', 'application/json; charset=utf-8')
        .send({ error: 'range-not-satisfiable', message: `The file has ${size} bytes` });
      return;
    }
    if (range) {
      await reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(this.files.openRead(file, range));
      return;
    }
    await reply.status(200).header('content-length', size).send(this.files.openRead(file));
  }
}
