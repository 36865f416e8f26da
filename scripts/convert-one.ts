import fs from 'node:fs'
import {convert} from '../index.js'
const file = await convert(fs.readFileSync(process.argv[2], 'utf8'), process.argv[3] ? JSON.parse(process.argv[3]) : {})
process.stdout.write(String(file))
console.error(file.messages.map((m) => m.ruleId + ': ' + m.reason).join('\n'))
console.error(JSON.stringify(file.data.articleSources))
