/** Error codes of failures that stop one file. Every one names the file. */
export const ERROR_CODES = [
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'EMPTY_DOCUMENT',
  'UNSUPPORTED_MEDIA',
  'DECODE_FAILED',
  'TOO_LARGE',
  'NO_CONTENT',
  'PDF_ENCRYPTED',
  'PDF_CORRUPT',
  'OCR_FAILED',
  'STORE_FAILED',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure that stops one file; the batch goes on. */
export class ShiryoError extends Error {
  override readonly name = 'ShiryoError';
  constructor(
    readonly code: ErrorCode,
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${code}: ${reason}`, options);
  }
}

export function isShiryoError(e: unknown): e is ShiryoError {
  return e instanceof ShiryoError;
}

/** Wrap any thrown value into a ShiryoError naming the file. */
export function toShiryoError(e: unknown, file: string, fallback: ErrorCode = 'INTERNAL'): ShiryoError {
  if (e instanceof ShiryoError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new ShiryoError(fallback, file, msg, { cause: e });
}
