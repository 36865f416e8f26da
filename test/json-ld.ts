/**
 * `readJsonLd` (lib/analyse/meta/json-ld.ts) on the forms of JSON-LD the
 * fixtures do not hold: empty scripts, HTML entities in strings, creative
 * works that are not articles (a headline or date makes them count, their
 * type alone does not), entities with no type, and authors named by their
 * first name alone whose `givenName`/`familyName` or `description` may or
 * may not complete it.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {readJsonLd} from '../lib/analyse/meta/json-ld.js'

const script = (value: unknown) => JSON.stringify(value)

test('json-ld: empty and blank scripts give nothing; the next script is still read', function () {
  assert.equal(readJsonLd(['', '   \n ']), {})
  const meta = readJsonLd(['  ', script({'@type': 'NewsArticle', headline: 'Second script'})])
  assert.equal(meta.title, {value: 'Second script', from: 'json-ld:NewsArticle.headline'})
})

test('json-ld: HTML entities in strings are decoded: named, decimal, hexadecimal; a zero or unknown one stays as written', function () {
  const meta = readJsonLd([script({'@type': 'NewsArticle', headline: 'AT&amp;T &quot;5G&quot; &lt;br&gt; &#20013;&#x6587; &nbsp;x &#0; &copy;'})])
  assert.is(meta.title?.value, 'AT&T "5G" <br> 中文 x &#0; &copy;')
})

test('json-ld: a creative work that is not an article counts only with a headline or a publication date; its type alone, no type, or a non-work type does not', function () {
  const recipe = readJsonLd([script({'@type': 'Recipe', headline: 'Winter soup', datePublished: '2024-01-02', author: {'@type': 'Person', name: 'Ann Lee'}})])
  assert.equal(recipe.title, {value: 'Winter soup', from: 'json-ld:Recipe.headline'})
  assert.equal(recipe.date, {value: '2024-01-02', from: 'json-ld:Recipe.datePublished'})
  assert.equal(recipe.authors?.value, ['Ann Lee'], 'a counted work’s author is the article’s')
  const dated = readJsonLd([script({'@type': 'VideoObject', name: 'Clip', datePublished: '2024-03-04'})])
  assert.equal(dated.date?.value, '2024-03-04')
  assert.equal(dated.title, {value: 'Clip', from: 'json-ld:VideoObject.name'}, 'a dated work’s name is its title')
  assert.equal(readJsonLd([script({'@type': 'HowTo', name: 'Fold a crane'})]), {}, 'no headline, no date: not an article')
  assert.equal(readJsonLd([script({'@id': 'https://news.example/#thing', headline: 'Untyped'})]), {}, 'no type')
  assert.equal(readJsonLd([script({'@type': 'Person', name: 'Bo Yang', headline: 'Not a work'})]), {}, 'a person is not a work')
})

/** The author of an article whose author entity is `author`. */
function author(value: Record<string, unknown>): Array<string> | undefined {
  return readJsonLd([script({'@type': 'NewsArticle', headline: 'H', author: {'@type': 'Person', ...value}})]).authors?.value as Array<string> | undefined
}

test('json-ld: a first name alone is completed by `givenName` + `familyName` only when the given name is that name', function () {
  assert.equal(author({name: 'Stefanus', givenName: 'stefanus', familyName: 'Stahl'}), ['stefanus Stahl'])
  assert.equal(author({name: 'Stefanus', givenName: 'Stefan', familyName: 'Stahl'}), ['Stefanus'], 'another given name')
  assert.equal(author({name: 'Stefanus', givenName: 'Stefanus'}), ['Stefanus'], 'no family name')
  assert.equal(author({name: 'Stefanus', familyName: 'Stahl'}), ['Stefanus'], 'no given name')
})

test('json-ld: a first name alone is completed from a description only by capitalised words followed by a dash, comma, bracket, colon or nothing', function () {
  assert.equal(author({name: 'Stefanus', description: 'Stefanus Stahl - Maschinenbauer, Autor'}), ['Stefanus Stahl'])
  assert.equal(author({name: 'Stefanus', description: 'Stefanus Stahl'}), ['Stefanus Stahl'])
  assert.equal(author({name: 'Stefanus', description: 'Stefanus lebt in Berlin'}), ['Stefanus'], 'a lower-case word is no surname')
  assert.equal(author({name: 'Stefanus', description: 'Stefanus Stahl Berlin Hamburg schreibt'}), ['Stefanus'], 'more words follow: a sentence, not a name')
  assert.equal(author({name: 'Stefanus', description: 'Über Stefanus Stahl'}), ['Stefanus'], 'the description does not open with the name')
})

test.run()
