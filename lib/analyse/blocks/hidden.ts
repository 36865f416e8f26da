import type {Element} from 'hast'

/**
 * Whether `node` is hidden by the `hidden` attribute or an inline style with
 * `display:none` / `visibility:hidden`.
 */
export function isHidden(node: Element): boolean {
  const props = node.properties
  if (props.hidden !== undefined && props.hidden !== false && props.hidden !== null) return true
  const style = props.style
  return typeof style === 'string' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style)
}

/** Whether `node` has `aria-hidden=true`. */
export function isAriaHidden(node: Element): boolean {
  return node.properties.ariaHidden === 'true'
}
