import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error.js';
import { toEnvelope } from '../common/errors/error.filter.js';
import { zodIssues } from '../common/validation/zod-params.js';
import { uploadFieldsSchema, type UploadFields } from './sounds.dto.js';
import type { IncomingSoundFile } from './sound-uploads.service.js';

export interface FileOutcome<T> {
  file: string;
  status: number;
  value?: T;
  error?: { error: string; message: string; details?: unknown };
}

/** Most files one request may carry. */
export const MAX_FILES_PER_UPLOAD = 20;

/**
 * Walks a multipart request part by part: text fields (which must come before the files they apply to) are
 * collected and validated, each file is handed to `handle` as a stream while it arrives, so nothing is held
 * in memory. Each file gets its own outcome; an error of one file does not stop the next.
 */
export async function readSoundUpload<T>(
  request: FastifyRequest,
  maxFileBytes: number,
  handle: (file: IncomingSoundFile, fields: UploadFields) => Promise<T>,
): Promise<Array<FileOutcome<T>>> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported-media-type', 'Send the sounds as multipart/form-data');
  }
  const raw: Record<string, string> = {};
  const outcomes: Array<FileOutcome<T>> = [];
  const parts = request.parts({
    limits: { fileSize: maxFileBytes, files: MAX_FILES_PER_UPLOAD, fields: 20, fieldSize: 4096, parts: 45 },
  });
  try {
    for await (const part of parts) {
      await readPart(part);
    }
  } catch (err) {
    // Over the file/part limits: the files before the limit keep their results; the rest are refused as one.
    const code = (err as { code?: string }).code;
    if (outcomes.length === 0 || (code !== 'FST_FILES_LIMIT' && code !== 'FST_PARTS_LIMIT')) throw err;
    outcomes.push({
      file: '(the rest)',
      status: 413,
      error: { error: 'payload-too-large', message: `At most ${MAX_FILES_PER_UPLOAD} files per upload` },
    });
  }
  return outcomes;

  async function readPart(part: Multipart): Promise<void> {
    if (part.type === 'field') {
      raw[part.fieldname] = String(part.value);
      return;
    }
    const filePart = part;
    const filename = filePart.filename || 'upload';
    try {
      const parsed = uploadFieldsSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError(400, 'validation-failed', 'The upload fields are invalid', {
          issues: zodIssues(parsed.error),
        });
      }
      const value = await handle(
        { filename, stream: filePart.file, truncated: () => filePart.file.truncated },
        parsed.data,
      );
      outcomes.push({ file: filename, status: 201, value });
    } catch (err) {
      // Whatever happened, the rest of this part must be read, or the next part never arrives.
      filePart.file.resume();
      const { status, body } = toEnvelope(err);
      if (status >= 500) throw err;
      outcomes.push({ file: filename, status, error: body });
    }
    // A batch names its files by their own file names; a `name` field applies to the file after it only.
    delete raw.name;
  }
}
