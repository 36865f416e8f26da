/**
 * Why one image could not be copied or downloaded. The page still converts:
 * the image keeps its original URL in the Markdown and the reason is
 * reported (`image-not-saved`).
 */
export class ImageError extends Error {
  /**
   * @param reason Human text (`HTTP 404`, `timed out after 15 s waiting for the response`, …).
   * @param transient Whether trying again later may succeed (timeouts, 429, 5xx, network errors): a rerun retries these.
   * @param note Said after the reason in reports, not recorded (`in an earlier run`).
   */
  constructor(
    readonly reason: string,
    readonly transient = false,
    readonly note?: string | undefined
  ) {
    super(note ? reason + ' (' + note + ')' : reason)
  }
}
