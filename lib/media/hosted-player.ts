/**
 * Video players of hosting services written as custom elements or data
 * attributes for the service's script to fill, holding no URL of their
 * own: Brightcove's `<video-js data-account data-player data-embed
 * data-video-id>` (also on a `<video class="video-js">`) and Mux's
 * `<mux-player playback-id>` / `<mux-video playback-id>`. Without the
 * script they show nothing, and vanished from the output.
 *
 * The URLs are the services' own pages for one video: Brightcove's player
 * page (`https://players.brightcove.net/ACCOUNT/PLAYER_EMBED/index.html?videoId=ID`,
 * the URL of its iframe embed) and Mux's (`https://player.mux.com/ID`).
 *
 * @module
 */

import type {Element} from 'hast'
import {attribute as rawAttribute} from './image-source.js'

/** Custom elements of hosted players (their ids read by `hostedPlayerUrl`). */
export const hostedPlayerTags: ReadonlySet<string> = new Set(['video-js', 'mux-player', 'mux-video'])

/** An attribute's value, trimmed; `undefined` when unset or blank. */
function attribute(node: Element, name: string): string | undefined {
  return rawAttribute(node, name)?.trim() || undefined
}

/**
 * The page of the video a hosted player element would load, from its ids:
 * Brightcove's `data-account` and `data-video-id` (with `data-player` and
 * `data-embed`, default `default`) on any element, Mux's `playback-id` on
 * `<mux-player>` and `<mux-video>`.
 *
 * @param node
 *   Element (any).
 * @returns
 *   Absolute URL, or `undefined` when `node` carries no such ids.
 */
export function hostedPlayerUrl(node: Element): string | undefined {
  const account = attribute(node, 'data-account')
  const video = attribute(node, 'data-video-id')
  if (account && video && /^\d+$/.test(account)) {
    const player = attribute(node, 'data-player') || 'default'
    const embed = attribute(node, 'data-embed') || 'default'
    return 'https://players.brightcove.net/' + account + '/' + encodeURIComponent(player) + '_' + encodeURIComponent(embed) + '/index.html?videoId=' + encodeURIComponent(video)
  }
  const playback = node.tagName.startsWith('mux-') ? attribute(node, 'playback-id') : undefined
  if (playback && /^[\w-]+$/.test(playback)) return 'https://player.mux.com/' + playback
  return undefined
}
