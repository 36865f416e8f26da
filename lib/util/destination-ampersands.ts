/**
 * `remark-stringify` handlers for links and images that write an ampersand
 * in a URL as `&amp;` where `mdast-util-to-markdown` writes `\&`.
 *
 * Both mean `&` in CommonMark (goldmark, markdown-it, micromark), but
 * kramdown (Jekyll) has no `\&` escape: `[a](https://x/?a=1\&b=2)` became
 * `href="https://x/?a=1\&b=2"`, a broken link or image. `&amp;` is decoded
 * by CommonMark parsers, and kramdown copies it into the attribute, where
 * the browser decodes it.
 *
 * @module
 */

import type {Handle, State} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'

const destinations = new Set(['destinationRaw', 'destinationLiteral'])

/** Wrap a handler so that `\&` in the destinations it writes becomes `&amp;`. */
function ampersandsAsReferences(handler: Handle & {peek?: Handle}): Handle {
  const wrapped: Handle & {peek?: Handle} = function (node, parent, state, info) {
    const safe = state.safe
    state.safe = function (this: State, value, config) {
      const result = safe.call(state, value, config)
      if (!destinations.has(state.stack[state.stack.length - 1])) return result
      // Walk escapes pairwise, so an escaped backslash before `&` is kept.
      return result.replace(/\\([\s\S])/g, (pair, character: string) => (character === '&' ? '&amp;' : pair))
    }
    try {
      return handler(node, parent, state, info)
    } finally {
      state.safe = safe
    }
  }
  if (handler.peek) wrapped.peek = handler.peek
  return wrapped
}

/** Handlers for `remark-stringify`'s `handlers` option. */
export const destinationHandlers = {
  link: ampersandsAsReferences(defaultHandlers.link as Handle),
  image: ampersandsAsReferences(defaultHandlers.image as Handle)
}
