// The README's schema, made strict: a key the CLI writes that the schema does
// not know, or a value of the wrong type, fails the build.
import {defineCollection} from 'astro:content'
import {glob} from 'astro/loaders'
import {z} from 'astro/zod'

const news = defineCollection({
  loader: glob({pattern: '**/*.md', base: './src/content/news'}),
  schema: z
    .object({
      title: z.string(),
      pubDate: z.coerce.date().optional(),
      source: z.string().optional(),
      author: z.string().optional(),
      tags: z.array(z.string()).optional(),
      url: z.string().url().optional()
    })
    .strict()
})

export const collections = {news}
