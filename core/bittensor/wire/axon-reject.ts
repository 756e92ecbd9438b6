/** A failure with the HTTP status and `message` the SDK axon would send; `internal` is what went wrong. */
export class Reject extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly internal?: unknown,
  ) {
    super(message);
  }
}

/** The caller hung up before its request was read: nothing to answer (logged as 499). */
export class ClientGone extends Error {}
