import {convert} from '../index.js'
for (const depth of [1000, 5000, 20000, 100000]) {
  for (const tag of ['div', 'b', 'span']) {
    const html = '<h2>T</h2><div class="entry"><p>start</p>' + ('<' + tag + '>').repeat(depth) + 'deep text' + ('</' + tag + '>').repeat(depth) + '</div>'
    const t = performance.now()
    try {
      const file = await convert(html)
      console.log(depth, tag, 'ok', String(file).includes('deep text'), Math.round(performance.now() - t) + 'ms')
    } catch (error) {
      console.log(depth, tag, 'error', String((error as Error).message).slice(0, 100), Math.round(performance.now() - t) + 'ms')
    }
  }
}
