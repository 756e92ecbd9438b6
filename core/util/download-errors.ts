/** A download or file check failed; `retryable` says whether trying again may help. */
export class DownloadError extends Error {
  override readonly name: string = 'DownloadError';
  constructor(
    message: string,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ChecksumMismatchError extends DownloadError {
  override readonly name = 'ChecksumMismatchError';
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${file}: sha256 ${actual} does not match the pinned ${expected}`, true);
  }
}

export class FileTooLargeError extends DownloadError {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly file: string,
    readonly limit: number,
  ) {
    super(`${file}: larger than the limit of ${limit} bytes`);
  }
}
