/**
 * The invented pages of `test/latin-news-grid.ts`: byline forms and date
 * forms of Latin-script news pages, each set in every page shell, with and
 * without the noise around an article.
 */

/** One part of a page: what it adds where, and what a reader takes from it. */
interface Form {
  name: string
  lang: string
  /** Language of the texts and defaults, when `lang` is empty (default: `lang`). */
  text?: string
  head?: string
  /** In the article's header, under the headline. */
  top?: string
  /** After the article's last paragraph. */
  end?: string
  url?: string
  /** Expected author (`undefined`: none), when the form decides it. */
  author?: string | undefined
  /** Expected day (`YYYY-MM-DD`, `undefined`: none), when the form decides it. */
  date?: string | undefined
}

interface Shell {
  name: string
  page: (parts: {lang: string; text: string; head: string; top: string; end: string; noise: boolean}) => string
}

const texts: Record<string, {title: string; body: string}> = {
  en: {
    title: 'Harbour basin to be dredged before summer',
    body: '<p>The harbour board decided on Monday to dredge the old basin again, after two ferries ran aground there within a month during the spring tides.</p><p>The work will take about six weeks and will close the eastern quay to small boats, which will moor at the fishing pier until it ends.</p><p>Boat owners said they had asked for the dredging for years and hoped it would be done before the summer season began.</p>'
  },
  de: {
    title: 'Hafenbecken wird vor dem Sommer ausgebaggert',
    body: '<p>Die Hafenverwaltung hat am Montag beschlossen, das alte Becken erneut auszubaggern, nachdem dort binnen eines Monats zwei Fähren bei Springflut auf Grund gelaufen waren.</p><p>Die Arbeiten dauern etwa sechs Wochen und sperren den Ostkai für kleine Boote, die bis dahin am Fischersteg festmachen.</p><p>Bootsbesitzer sagten, sie hätten seit Jahren darum gebeten, und hofften auf ein Ende vor Beginn der Saison.</p>'
  },
  fr: {
    title: 'Le bassin du port sera dragué avant l’été',
    body: '<p>La direction du port a décidé lundi de draguer à nouveau le vieux bassin, après que deux ferries s’y sont échoués en un mois lors des grandes marées.</p><p>Les travaux dureront environ six semaines et fermeront le quai est aux petits bateaux, qui s’amarreront à la jetée des pêcheurs.</p><p>Les plaisanciers ont dit qu’ils réclamaient ce dragage depuis des années et espéraient qu’il serait fini avant la saison.</p>'
  },
  es: {
    title: 'La dársena del puerto será dragada antes del verano',
    body: '<p>La autoridad portuaria decidió el lunes dragar de nuevo la vieja dársena, después de que dos transbordadores encallaran allí en un mes durante las mareas vivas.</p><p>Las obras durarán unas seis semanas y cerrarán el muelle este a las embarcaciones pequeñas, que amarrarán en el muelle pesquero.</p><p>Los propietarios de barcos dijeron que pedían el dragado desde hacía años y esperaban que terminara antes de la temporada.</p>'
  },
  it: {
    title: 'Il bacino del porto sarà dragato prima dell’estate',
    body: '<p>L’autorità portuale ha deciso lunedì di dragare di nuovo il vecchio bacino, dopo che due traghetti vi si erano incagliati in un mese durante le maree sizigiali.</p><p>I lavori dureranno circa sei settimane e chiuderanno il molo est alle piccole barche, che ormeggeranno al pontile dei pescatori.</p><p>I proprietari delle barche hanno detto di aver chiesto il dragaggio da anni e sperano che finisca prima della stagione.</p>'
  },
  nl: {
    title: 'Havenbekken wordt voor de zomer uitgebaggerd',
    body: '<p>Het havenbestuur besloot maandag het oude bekken opnieuw uit te baggeren, nadat daar binnen een maand twee veerboten bij springtij aan de grond liepen.</p><p>Het werk duurt ongeveer zes weken en sluit de oostkade voor kleine boten, die tot dan aan de visserssteiger aanmeren.</p><p>Booteigenaren zeiden dat ze al jaren om het baggeren vroegen en hoopten dat het voor het seizoen klaar zou zijn.</p>'
  },
  pt: {
    title: 'Bacia do porto será dragada antes do verão',
    body: '<p>A administração do porto decidiu na segunda-feira dragar de novo a velha bacia, depois que duas balsas encalharam ali em um mês durante as marés vivas.</p><p>As obras vão durar cerca de seis semanas e fechar o cais leste aos barcos pequenos, que vão atracar no píer dos pescadores.</p><p>Os donos de barcos disseram que pediam a dragagem havia anos e esperam que termine antes da temporada.</p>'
  }
}

function base(lang: string): string {
  return lang.slice(0, 2)
}

/** Dated teasers, writers and comments around the article: none of them the page's. */
const noise = {
  sidebar: (lang: string) =>
    `<aside class="sidebar"><section class="widget widget_recent_entries"><h2 class="widget-title">${base(lang) === 'de' ? 'Meistgelesen' : 'Latest'}</h2><ul><li><a href="/2023/02/20/ferry-timetable-changes/">Ferry timetable changes in May</a> <span class="post-date">20/02/2023</span></li><li><a href="/2023/02/18/pier-lights/">Fishing pier gets new lights for winter</a> <time datetime="2023-02-18T09:00:00+01:00">18.02.2023</time></li></ul></section></aside>`,
  related: () =>
    '<section class="related-posts"><h2>Related</h2><div class="cards"><div class="card"><a href="/news/quay-repairs"><h3>Quay repairs delayed again by storms</h3></a><p class="card__byline">By Paul Kessler</p><time datetime="2023-01-12T08:00:00Z">12 January 2023</time></div><div class="card"><a href="/news/lighthouse"><h3>Lighthouse keeper retires after forty years</h3></a><p class="card__byline">By Nora Lindt</p><time datetime="2023-01-09T08:00:00Z">9 January 2023</time></div></div></section>',
  comments: () =>
    '<div id="comments" class="comments-area"><h2 class="comments-title">2 comments</h2><ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Peter Miller</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="#comment-1"><time datetime="2023-03-09T10:11:00+00:00">9 March 2023 at 10:11</time></a></div></footer><div class="comment-content"><p>About time they did this, the basin has been a mess for years.</p></div></article></li></ol></div>',
  footer: () => '<footer class="site-footer"><p>© 2023 Harbour Courier. All rights reserved.</p><p><a href="/imprint">Imprint</a></p></footer>'
}

const shells: Array<Shell> = [
  {
    name: 'wordpress',
    page: ({lang, text, head, top, end, noise: on}) =>
      `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${texts[text].title} – Harbour Courier</title><meta property="og:site_name" content="Harbour Courier">${head}</head><body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Harbour Courier</a></p><nav id="site-navigation" class="main-navigation"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li></ul></nav></header><div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article id="post-812" class="post-812 post type-post status-publish"><header class="entry-header"><h1 class="entry-title">${texts[text].title}</h1><div class="entry-meta">${top}</div></header><div class="entry-content">${texts[text].body}${end}</div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/harbour/" rel="category tag">Harbour</a></span></footer></article>${on ? noise.comments() : ''}</main></div>${on ? noise.sidebar(lang) : ''}</div>${noise.footer()}</div></body></html>`
  },
  {
    name: 'news-cms',
    page: ({lang, text, head, top, end, noise: on}) =>
      `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${texts[text].title} | Harbour Courier</title><meta property="og:site_name" content="Harbour Courier"><meta property="og:type" content="article">${head}</head><body><header class="masthead"><a class="logo" href="/">Harbour Courier</a><nav><a href="/news">News</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav></header>${on ? '<div class="layout">' + noise.sidebar(lang) : '<div class="layout">'}<main class="main"><article class="article"><header class="article__header"><p class="article__kicker"><a href="/news/harbour">Harbour</a></p><h1 class="article__headline">${texts[text].title}</h1><div class="article__meta">${top}</div></header><div class="article__body">${texts[text].body}${end}</div></article>${on ? noise.related() : ''}</main></div>${noise.footer()}</body></html>`
  },
  {
    name: 'bare',
    page: ({lang, text, head, top, end, noise: on}) =>
      `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${texts[text].title}</title>${head}</head><body><div id="header"><a href="/"><img src="/logo.png" alt="Harbour Courier"></a></div><div id="menu"><a href="/">Home</a> | <a href="/archive">Archive</a></div><div id="content"><h1>${texts[text].title}</h1>${top}${texts[text].body}${end}${on ? noise.related() : ''}</div>${on ? noise.sidebar(lang) : ''}${noise.footer()}</body></html>`
  }
]

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify({'@context': 'https://schema.org', ...value})}</script>`
const person = (name: string) => ({'@type': 'Person', name})
const org = {'@type': 'Organization', name: 'Harbour Courier'}

/** Byline forms: each decides the author; the page's date comes from the default date of its language. */
const authorForms: Array<Form> = [
  {
    name: 'en: By A and B, Staff Writers',
    lang: 'en-US',
    top: '<div class="article__byline">By <a href="/authors/jane-roe">Jane Roe</a> and <a href="/authors/john-doe">John Doe</a>, Staff Writers</div>',
    author: 'Jane Roe, John Doe'
  },
  {name: 'en: By A, Staff Writer', lang: 'en-US', top: '<div class="article__byline">By <a href="/authors/jane-roe">Jane Roe</a>, Staff Writer</div>', author: 'Jane Roe'},
  {name: 'en: By A, B and C', lang: 'en-GB', top: '<p class="byline">By Jane Roe, John Doe and Mary Major</p>', author: 'Jane Roe, John Doe, Mary Major'},
  {name: 'en: By A, Associated Press', lang: 'en-US', top: '<p class="byline">By Jane Roe, Associated Press</p>', author: 'Jane Roe'},
  {name: 'en: By A | outlet', lang: 'en-US', top: '<p class="byline">By Jane Roe | Harbour Courier</p>', author: 'Jane Roe'},
  {
    name: 'en: byline A, Reporter (no label)',
    lang: 'en-GB',
    top: '<div class="byline"><span class="byline__name">Jane Roe</span><span class="byline__title">Harbour reporter</span></div>',
    author: 'Jane Roe'
  },
  {name: 'wp: byline author vcard', lang: 'en-US', top: '<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/jroe/">Jane Roe</a></span></span>', author: 'Jane Roe'},
  {name: 'wp: rel=author', lang: 'en-US', top: '<span class="author">Posted by <a href="/author/jane-roe/" rel="author">Jane Roe</a></span>', author: 'Jane Roe'},
  {
    name: 'microdata Person name',
    lang: 'en-US',
    top: '<div class="byline">By <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></span></div>',
    author: 'Jane Roe'
  },
  {name: 'JSON-LD Person array, no byline', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: [person('Jane Roe'), person('John Doe')]}), author: 'Jane Roe, John Doe'},
  {name: 'JSON-LD Organization + visible By A', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: org}), top: '<p class="byline">By Jane Roe</p>', author: 'Jane Roe'},
  {name: 'JSON-LD Organization only', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: {'@type': 'Organization', name: 'Harbour Trust'}}), author: 'Harbour Trust'},
  {
    name: 'JSON-LD one Person, byline names two',
    lang: 'en-US',
    head: ld({'@type': 'NewsArticle', author: person('Jane Roe')}),
    top: '<p class="byline">By Jane Roe and John Doe</p>',
    author: 'Jane Roe, John Doe'
  },
  {
    name: 'article:author URL + By A',
    lang: 'en-US',
    head: '<meta property="article:author" content="https://www.facebook.com/harbourcourier">',
    top: '<p class="byline">By Jane Roe</p>',
    author: 'Jane Roe'
  },
  {name: 'article:author name, no byline', lang: 'en-US', head: '<meta property="article:author" content="Jane Roe">', author: 'Jane Roe'},
  {name: 'meta author = publisher + By A', lang: 'en-US', head: '<meta name="author" content="Harbour Courier">', top: '<p class="byline">By Jane Roe</p>', author: 'Jane Roe'},
  {name: 'en: Posted by A on day', lang: 'en-US', top: '<p class="post-meta">Posted by Jane Roe on March 3, 2023</p>', author: 'Jane Roe', date: '2023-03-03'},
  {name: 'en: sign-off at end', lang: 'en-GB', end: '<p>— Jane Roe</p>', author: 'Jane Roe'},
  {name: 'de: Von A und B', lang: 'de', top: '<p class="author">Von Anna Schmidt und Peter Braun</p>', author: 'Anna Schmidt, Peter Braun'},
  {name: 'de: Von A, dpa', lang: 'de', top: '<p class="author">Von Anna Schmidt, dpa</p>', author: 'Anna Schmidt'},
  {name: 'de: (A/dpa) at end', lang: 'de', end: '<p>(Anna Schmidt/dpa)</p>', author: 'Anna Schmidt'},
  {name: 'de: Text: A, Foto: B', lang: 'de', top: '<p class="credits">Text: Anna Schmidt, Foto: Peter Braun</p>', author: 'Anna Schmidt'},
  {
    name: 'de: Foto credit under a picture, Von A',
    lang: 'de',
    top: '<p class="author">Von Anna Schmidt</p><figure><img src="/hafen.jpg" alt="Hafen"><figcaption>Der Ostkai im Februar. Foto: Peter Braun</figcaption></figure>',
    author: 'Anna Schmidt'
  },
  {name: 'de: Autor: A', lang: 'de', top: '<p class="autor">Autor: Anna Schmidt</p>', author: 'Anna Schmidt'},
  {name: 'de: Ein Kommentar von A', lang: 'de', top: '<p class="byline">Ein Kommentar von Anna Schmidt</p>', author: 'Anna Schmidt'},
  {name: 'de: Mit Material von dpa + Von A', lang: 'de', top: '<p class="author">Von Anna Schmidt</p>', end: '<p><em>Mit Material von dpa</em></p>', author: 'Anna Schmidt'},
  {name: 'de: Redaktion only', lang: 'de', top: '<p class="author">Redaktion</p>', author: undefined},
  {name: 'fr: Par A, envoyée spéciale', lang: 'fr', top: '<p class="article__author">Par Claire Martin, envoyée spéciale à Marseille</p>', author: 'Claire Martin'},
  {name: 'fr: Par A et B', lang: 'fr', top: '<p class="article__author">Par Claire Martin et Paul Durand</p>', author: 'Claire Martin, Paul Durand'},
  {name: 'fr: Publié par A le day', lang: 'fr', top: '<p class="meta">Publié par Claire Martin le 3 mars 2023</p>', author: 'Claire Martin', date: '2023-03-03'},
  {name: 'es: Por A | Corresponsal', lang: 'es', top: '<p class="firma">Por Lucía Gómez | Corresponsal en Bruselas</p>', author: 'Lucía Gómez'},
  {name: 'es: Por A y B', lang: 'es', top: '<p class="firma">Por Lucía Gómez y Javier Ruiz</p>', author: 'Lucía Gómez, Javier Ruiz'},
  {name: 'es: Escrito por A', lang: 'es', top: '<p>Escrito por Lucía Gómez</p>', author: 'Lucía Gómez'},
  {name: 'it: Di A', lang: 'it', top: '<p class="autore">Di Mario Rossi</p>', author: 'Mario Rossi'},
  {name: 'it: di A e B', lang: 'it', top: '<p class="autore">di Mario Rossi e Giulia Bianchi</p>', author: 'Mario Rossi, Giulia Bianchi'},
  {name: 'nl: Door A en B', lang: 'nl', top: '<p class="auteur">Door Pieter de Vries en Sanne Jansen</p>', author: 'Pieter de Vries, Sanne Jansen'},
  {
    name: 'en: name | day row, no label',
    lang: 'en-US',
    top: '<div class="post-meta"><a class="author-name" href="/author/jane-roe">Jane Roe</a> | <span>March 3, 2023</span></div>',
    author: 'Jane Roe',
    date: '2023-03-03'
  },
  {
    name: 'en: avatar, name, handle, follow button',
    lang: 'en-US',
    top: '<div class="author"><img src="/a/jroe.jpg" alt="Jane Roe"><a href="/author/jane-roe">Jane Roe</a> <a href="https://twitter.com/janeroe">@janeroe</a><button>Follow</button></div>',
    author: 'Jane Roe'
  },
  {name: 'en: Written by A, Edited by B', lang: 'en-US', top: '<p class="credits">Written by Jane Roe, edited by John Doe</p>', author: 'Jane Roe'},
  {name: 'en: Story by A', lang: 'en-US', top: '<p class="byline">Story by Jane Roe</p>', author: 'Jane Roe'},
  {name: 'en: By A, Special to the outlet', lang: 'en-US', top: '<p class="byline">By Jane Roe, Special to the Courier</p>', author: 'Jane Roe'},
  {name: 'JSON-LD author string of two', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: 'Jane Roe, John Doe'}), author: 'Jane Roe, John Doe'},
  {
    name: 'JSON-LD @graph author by @id (Yoast)',
    lang: 'en-US',
    head: ld({
      '@graph': [
        {'@type': 'Article', '@id': 'https://courier.example/h/#article', author: {'@id': 'https://courier.example/#/schema/person/1'}, headline: 'Harbour basin to be dredged before summer'},
        {'@type': 'Person', '@id': 'https://courier.example/#/schema/person/1', name: 'Jane Roe'},
        {'@type': 'Organization', '@id': 'https://courier.example/#organization', name: 'Harbour Courier'}
      ]
    }),
    author: 'Jane Roe'
  },
  {name: 'JSON-LD Person with job in name', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: person('Jane Roe, Senior Reporter')}), author: 'Jane Roe'},
  {name: 'de: Von A, Berlin', lang: 'de', top: '<p class="author">Von Anna Schmidt, Berlin</p>', author: 'Anna Schmidt'},
  {
    name: 'de: Von <a>A</a> und <a>B</a>',
    lang: 'de',
    top: '<p class="author">Von <a href="/autor/anna-schmidt">Anna Schmidt</a> und <a href="/autor/peter-braun">Peter Braun</a></p>',
    author: 'Anna Schmidt, Peter Braun'
  },
  {name: 'de: Autorin: A', lang: 'de', top: '<p>Autorin: Anna Schmidt</p>', author: 'Anna Schmidt'},
  {name: 'de: Ein Gastbeitrag von A', lang: 'de', top: '<p class="byline">Ein Gastbeitrag von Anna Schmidt</p>', author: 'Anna Schmidt'},
  {name: 'fr: Par A (avec AFP)', lang: 'fr', top: '<p class="article__author">Par Claire Martin (avec AFP)</p>', author: 'Claire Martin'},
  {name: 'es: Por A / EFE', lang: 'es', top: '<p class="firma">Por Lucía Gómez / EFE</p>', author: 'Lucía Gómez'},
  {name: 'es: Redacción only', lang: 'es', top: '<p class="firma">Redacción</p>', author: undefined},
  {name: 'pt: Por A', lang: 'pt-BR', top: '<p class="autor">Por Ana Souza</p>', author: 'Ana Souza'},
  {name: 'en: name<br>role, no label', lang: 'en-GB', top: '<div class="byline">Jane Roe<br>Harbour reporter</div>', author: 'Jane Roe'},
  {name: 'en: name<br>beat, no label', lang: 'en-GB', top: '<div class="byline">Jane Roe<br>Ridge and coast beat</div>', author: 'Jane Roe'},
  {name: 'en: Written by <a>A</a> in author-meta', lang: 'en-US', top: '<div class="author-meta"><span>Written by</span> <a href="/profile/jane-roe">Jane Roe</a></div>', author: 'Jane Roe'},
  {name: 'en: By A, Reuters', lang: 'en-GB', top: '<p class="byline">By Jane Roe, Reuters</p>', author: 'Jane Roe'},
  {name: 'en: By A, outlet name', lang: 'en-US', top: '<p class="byline">By Jane Roe, Harbour Courier</p>', author: 'Jane Roe'},
  {
    name: 'en: A and B, no label, .authors',
    lang: 'en-US',
    top: '<div class="authors"><a href="/people/jane-roe">Jane Roe</a> and <a href="/people/john-doe">John Doe</a></div>',
    author: 'Jane Roe, John Doe'
  },
  {name: 'en: address.author', lang: 'en-US', top: '<address class="author">By <a rel="author" href="/author/jane-roe">Jane Roe</a></address>', author: 'Jane Roe'},
  {name: 'meta author person only', lang: 'de', head: '<meta name="author" content="Anna Schmidt">', author: 'Anna Schmidt'},
  {name: 'twitter:creator handle only', lang: 'en-US', head: '<meta name="twitter:creator" content="@janeroe">', author: undefined},
  {name: 'JSON-LD Person named By A', lang: 'en-US', head: ld({'@type': 'NewsArticle', author: person('By Jane Roe')}), author: 'Jane Roe'},
  {name: 'de: Von A (Text) und B (Fotos)', lang: 'de', top: '<p class="author">Von Anna Schmidt (Text) und Peter Braun (Fotos)</p>', author: 'Anna Schmidt'},
  {name: 'de: Von A und B, Berlin', lang: 'de', top: '<p class="author">Von Anna Schmidt und Peter Braun, Berlin</p>', author: 'Anna Schmidt, Peter Braun'},
  {name: 'de: A | day, no label', lang: 'de', top: '<div class="meta">Anna Schmidt | 03.03.2023</div>', author: 'Anna Schmidt', date: '2023-03-03'},
  {name: 'fr: Par A - Publié le day', lang: 'fr', top: '<p class="meta">Par Claire Martin - Publié le 3 mars 2023 à 14h05</p>', author: 'Claire Martin', date: '2023-03-03'},
  {name: 'fr: A, correspondante à Berlin', lang: 'fr', top: '<p class="article__author">Claire Martin, correspondante à Berlin</p>', author: 'Claire Martin'},
  {name: 'es: Por A - Madrid day', lang: 'es', top: '<p class="firma">Por Lucía Gómez - Madrid 03 MAR 2023 - 14:05 CET</p>', author: 'Lucía Gómez', date: '2023-03-03'},
  {name: 'it: di A - day', lang: 'it', top: '<p class="autore">di Mario Rossi - 3 marzo 2023</p>', author: 'Mario Rossi', date: '2023-03-03'},
  {
    name: 'about-the-author box at end',
    lang: 'en-US',
    end: '<div class="author-bio"><h4>About the author</h4><p><strong>Jane Roe</strong> covers the harbour and the coast for the Courier.</p></div>',
    author: 'Jane Roe'
  },
  {name: 'en: <a>By A</a> author link', lang: 'en-US', top: '<p><a href="/author/jane-roe">By Jane Roe</a></p>', author: 'Jane Roe'},
  {name: 'en: BY A (capitals)', lang: 'en-US', top: '<p class="byline">BY JANE ROE</p>', author: 'Jane Roe'},
  {name: 'en: By A and B | Photos by C', lang: 'en-US', top: '<p class="byline">By Jane Roe and John Doe | Photos by Max Rahn</p>', author: 'Jane Roe, John Doe'},
  {name: 'en: A / outlet', lang: 'en-US', top: '<p class="byline">Jane Roe / Harbour Courier</p>', author: 'Jane Roe'},
  {name: 'en: By A O’Roe-Smith', lang: 'en-US', top: '<p class="byline">By Jane O’Roe-Smith</p>', author: 'Jane O’Roe-Smith'},
  {name: 'de: Von A | day', lang: 'de', top: '<p class="author">Von Anna Schmidt | 03.03.2023, 14:05 Uhr</p>', author: 'Anna Schmidt', date: '2023-03-03'},
  {name: 'de: A und B, no label, .autor', lang: 'de', top: '<p class="autor">Anna Schmidt und Peter Braun</p>', author: 'Anna Schmidt, Peter Braun'},
  {name: 'de: Von Dr. A', lang: 'de', top: '<p class="author">Von Dr. Anna Schmidt</p>', author: 'Anna Schmidt'},
  {name: 'de: Von Hans-Peter Müller-Lüdenscheidt', lang: 'de', top: '<p class="author">Von Hans-Peter Müller-Lüdenscheidt</p>', author: 'Hans-Peter Müller-Lüdenscheidt'},
  {name: 'es: Por A B C (three words)', lang: 'es', top: '<p class="firma">Por Lucía Gómez Pérez</p>', author: 'Lucía Gómez Pérez'},
  {name: 'fr: Par Jean-Pierre Dupont', lang: 'fr', top: '<p class="article__author">Par Jean-Pierre Dupont</p>', author: 'Jean-Pierre Dupont'},
  {name: 'it: di Maria Luisa De Angelis', lang: 'it', top: '<p class="autore">di Maria Luisa De Angelis</p>', author: 'Maria Luisa De Angelis'},
  {name: 'nl: Door Jan van der Berg', lang: 'nl', top: '<p class="auteur">Door Jan van der Berg</p>', author: 'Jan van der Berg'},
  {
    name: 'wp Newspaper theme: td-author-by',
    lang: 'en-US',
    top: '<div class="td-post-author-name"><div class="td-author-by">By</div> <a href="/author/jane-roe/">Jane Roe</a><div class="td-author-line">-</div></div>',
    author: 'Jane Roe'
  },
  {
    name: 'sign-off before a share box in the text',
    lang: 'en-GB',
    end: '<p>— Jane Roe</p><div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/share">Facebook</a></li></ul></div>',
    author: 'Jane Roe'
  },
  {
    name: 'de: (A/dpa) before Jetpack related posts in the text',
    lang: 'de',
    end: '<p>(Anna Schmidt/dpa)</p><div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Ähnliche Beiträge</h3><div class="jp-relatedposts-post"><a href="/2023/02/20/faehre/">Fähre fährt wieder</a> <span>20. Februar 2023</span> <span>Von Klaus Weber</span></div></div>',
    author: 'Anna Schmidt'
  },
  {name: 'de: Quelle: dpa + Von A', lang: 'de', top: '<p class="author">Von Anna Schmidt</p>', end: '<p>Quelle: dpa</p>', author: 'Anna Schmidt'},
  {name: 'de: only a photo credit', lang: 'de', top: '<figure><img src="/hafen.jpg" alt="Hafen"><figcaption>Foto: dpa / Peter Braun</figcaption></figure>', author: undefined}
]

/** Date forms: each decides the date; the author comes from the default byline of its language. */
const dateForms: Array<Form> = [
  {name: '<time datetime> in header, teasers around', lang: 'en-US', top: '<time class="article__date" datetime="2023-03-03T14:05:00-05:00">March 3, 2023</time>', date: '2023-03-03'},
  {name: 'en: March 3, 2023 at 2:05 p.m. EST', lang: 'en-US', top: '<p class="article__date">March 3, 2023 at 2:05 p.m. EST</p>', date: '2023-03-03'},
  {name: 'en: Mar 3, 2023', lang: 'en-US', top: '<span class="date">Mar 3, 2023</span>', date: '2023-03-03'},
  {name: 'en-GB: 3 March 2023', lang: 'en-GB', top: '<span class="date">3 March 2023</span>', date: '2023-03-03'},
  {name: 'en-US: 04/03/2023', lang: 'en-US', top: '<span class="date">04/03/2023</span>', date: '2023-04-03'},
  {name: 'en: Updated … | Published …', lang: 'en-US', top: '<p class="article__date">Updated March 5, 2023 | Published March 3, 2023</p>', date: '2023-03-03'},
  {name: 'en: Published …, Last updated …', lang: 'en-GB', top: '<p class="article__date">Published 3 March 2023, last updated 5 March 2023</p>', date: '2023-03-03'},
  {
    name: 'wp: posted-on time.entry-date + updated',
    lang: 'en-US',
    top: '<span class="posted-on">Posted on <a href="/2023/03/03/harbour-basin/" rel="bookmark"><time class="entry-date published" datetime="2023-03-03T14:05:00+00:00">March 3, 2023</time><time class="updated" datetime="2023-03-05T08:00:00+00:00">March 5, 2023</time></a></span>',
    date: '2023-03-03'
  },
  {
    name: 'JSON-LD dateModified before datePublished',
    lang: 'en-US',
    head: ld({'@type': 'NewsArticle', dateModified: '2023-03-05T08:00:00+01:00', datePublished: '2023-03-03T14:05:00+01:00'}),
    date: '2023-03-03'
  },
  {name: 'article:published_time only', lang: 'en-US', head: '<meta property="article:published_time" content="2023-03-03T14:05:00+01:00">', date: '2023-03-03'},
  {
    name: 'JSON-LD UTC late evening, visible local next day',
    lang: 'fr',
    head: ld({'@type': 'NewsArticle', datePublished: '2023-03-03T23:30:00Z'}),
    top: '<p class="date">Publié le 4 mars 2023 à 00h30</p>',
    date: '2023-03-04'
  },
  {name: 'date only in the URL', lang: 'en-US', url: 'https://courier.example/2023/03/03/harbour-basin-dredged/', date: '2023-03-03'},
  {name: 'only comments and teasers dated', lang: 'en-US', date: undefined},
  {name: 'de: Veröffentlicht am 3. März 2023, 14:05 Uhr', lang: 'de', top: '<p class="date">Veröffentlicht am 3. März 2023, 14:05 Uhr</p>', date: '2023-03-03'},
  {name: 'de: 3.3.2023', lang: 'de', top: '<span class="date">3.3.2023</span>', date: '2023-03-03'},
  {name: 'de: 04.03.2023 | 14:05', lang: 'de', top: '<span class="date">04.03.2023 | 14:05</span>', date: '2023-03-04'},
  {name: 'de: Freitag, 3. März 2023', lang: 'de', top: '<p class="date">Freitag, 3. März 2023</p>', date: '2023-03-03'},
  {name: 'de: Aktualisiert … Erstmals veröffentlicht …', lang: 'de', top: '<p class="date">Aktualisiert am 05.03.2023, 08:00 Uhr · Erstmals veröffentlicht am 03.03.2023</p>', date: '2023-03-03'},
  {name: 'de: Stand: day', lang: 'de', top: '<p class="date">Stand: 03.03.2023 14:05 Uhr</p>', date: '2023-03-03'},
  {name: 'fr: Publié le 3 mars 2023 à 14h05', lang: 'fr', top: '<p class="date">Publié le 3 mars 2023 à 14h05</p>', date: '2023-03-03'},
  {name: 'fr: 04/03/2023', lang: 'fr', top: '<span class="date">04/03/2023</span>', date: '2023-03-04'},
  {name: 'fr: vendredi 3 mars 2023', lang: 'fr', top: '<p class="date">vendredi 3 mars 2023</p>', date: '2023-03-03'},
  {name: 'fr: Publié … Mis à jour … numeric', lang: 'fr', top: '<p class="date">Publié le 03/03/2023 à 14h05 · Mis à jour le 05/03/2023 à 10h00</p>', date: '2023-03-03'},
  {name: 'es: Publicado el 3 de marzo de 2023', lang: 'es', top: '<p class="fecha">Publicado el 3 de marzo de 2023</p>', date: '2023-03-03'},
  {name: 'es: 3 de marzo de 2023 - 14:05 CET', lang: 'es', top: '<span class="fecha">3 de marzo de 2023 - 14:05 CET</span>', date: '2023-03-03'},
  {name: 'es: 04/03/2023', lang: 'es', top: '<span class="fecha">04/03/2023</span>', date: '2023-03-04'},
  {name: 'it: Pubblicato il 3 marzo 2023', lang: 'it', top: '<p class="data">Pubblicato il 3 marzo 2023</p>', date: '2023-03-03'},
  {name: 'nl: 3 maart 2023, 14:05', lang: 'nl', top: '<span class="datum">3 maart 2023, 14:05</span>', date: '2023-03-03'},
  {name: 'en-GB: Fri 3 Mar 2023 14.05 GMT', lang: 'en-GB', top: '<span class="dateline">Fri 3 Mar 2023 14.05 GMT</span>', date: '2023-03-03'},
  {name: 'en: Published: 2:05 PM EST March 3, 2023', lang: 'en-US', top: '<p class="timestamp">Published: 2:05 PM EST March 3, 2023</p>', date: '2023-03-03'},
  {name: 'en: Mar. 3, 2023', lang: 'en-US', top: '<span class="date">Mar. 3, 2023</span>', date: '2023-03-03'},
  {name: 'en-US: 3/4/2023', lang: 'en-US', top: '<span class="date">3/4/2023</span>', date: '2023-03-04'},
  {name: 'en: Last Updated only', lang: 'en-US', top: '<p class="date">Last Updated: March 5, 2023</p>', date: '2023-03-05'},
  {name: 'de: 3. März 2023 um 14:05 Uhr', lang: 'de', top: '<span class="date">3. März 2023 um 14:05 Uhr</span>', date: '2023-03-03'},
  {name: 'de: Erschienen am 3.3.2023', lang: 'de', top: '<p class="date">Erschienen am 3.3.2023</p>', date: '2023-03-03'},
  {name: 'fr: Le 04/03/2023 à 14:05', lang: 'fr', top: '<p class="date">Le 04/03/2023 à 14:05</p>', date: '2023-03-04'},
  {name: 'fr: Modifié … - Publié …', lang: 'fr', top: '<p class="date">Modifié le 5 mars 2023 à 10h00 - Publié le 3 mars 2023 à 14h05</p>', date: '2023-03-03'},
  {name: 'es: 03/03/2023 14:05 h. Actualizado …', lang: 'es', top: '<p class="fecha">03/03/2023 14:05 h. Actualizado: 05/03/2023 10:00 h.</p>', date: '2023-03-03'},
  {name: 'es: Madrid - 3 mar 2023 - 14:05 CET', lang: 'es', top: '<p class="fecha">Madrid - 3 mar 2023 - 14:05 CET</p>', date: '2023-03-03'},
  {name: 'it: 04/03/2023 14:05', lang: 'it', top: '<span class="data">04/03/2023 14:05</span>', date: '2023-03-04'},
  {name: 'pt-BR: 04/03/2023 14h05', lang: 'pt-BR', top: '<p class="data">04/03/2023 14h05 Atualizado há 2 dias</p>', date: '2023-03-04'},
  {name: 'JSON-LD datePublished day only', lang: 'en-US', head: ld({'@type': 'NewsArticle', datePublished: '2023-03-03'}), date: '2023-03-03'},
  {name: 'en: Posted on 3rd March 2023', lang: 'en-GB', top: '<p class="date">Posted on 3rd March 2023</p>', date: '2023-03-03'},
  {name: 'en: March 3rd, 2023', lang: 'en-US', top: '<span class="date">March 3rd, 2023</span>', date: '2023-03-03'},
  {name: 'en: Friday, March 3, 2023 2:05 PM', lang: 'en-US', top: '<span class="date">Friday, March 3, 2023 2:05 PM</span>', date: '2023-03-03'},
  {name: 'en: 03 Mar 2023 14:05', lang: 'en-GB', top: '<span class="date">03 Mar 2023 14:05</span>', date: '2023-03-03'},
  {name: '<time> without datetime', lang: 'en-GB', top: '<time>3 March 2023</time>', date: '2023-03-03'},
  {name: '<time datetime> without offset', lang: 'en-US', top: '<time datetime="2023-03-03T14:05">March 3, 2023</time>', date: '2023-03-03'},
  {name: '<time datetime> relative text', lang: 'de', top: '<time datetime="2023-03-03T14:05:00+01:00">vor 3 Stunden</time>', date: '2023-03-03'},
  {name: 'hAtom abbr.published', lang: 'en-US', top: '<abbr class="published" title="2023-03-03T14:05:00+01:00">March 3</abbr>', date: '2023-03-03'},
  {
    name: 'article:published_time UTC, visible local next day',
    lang: 'de',
    head: '<meta property="article:published_time" content="2023-03-03T23:30:00Z">',
    top: '<p class="date">4. März 2023, 00:30 Uhr</p>',
    date: '2023-03-04'
  },
  {name: 'es: Publicado: 04/03/2023 14:05', lang: 'es', top: '<p class="fecha">Publicado: 04/03/2023 14:05</p>', date: '2023-03-04'},
  {name: 'nl: Geplaatst op 3 maart 2023', lang: 'nl', top: '<p class="datum">Geplaatst op 3 maart 2023</p>', date: '2023-03-03'},
  {name: 'en: byline row with comment count', lang: 'en-US', top: '<div class="post-meta"><span class="date">March 3, 2023</span> · <a href="#comments">5 Comments</a></div>', date: '2023-03-03'},
  {name: 'meta date de format', lang: 'de', head: '<meta name="date" content="03.03.2023">', date: '2023-03-03'},
  {name: 'article:published_time with a space', lang: 'en-US', head: '<meta property="article:published_time" content="2023-03-03 14:05:00">', date: '2023-03-03'},
  {name: 'JSON-LD RFC 2822 date', lang: 'en-US', head: ld({'@type': 'NewsArticle', datePublished: 'Fri, 03 Mar 2023 14:05:00 +0100'}), date: '2023-03-03'},
  {name: 'JSON-LD offset without colon', lang: 'en-US', head: ld({'@type': 'NewsArticle', datePublished: '2023-03-03T14:05:00.000+0100'}), date: '2023-03-03'},
  {name: 'de: Erstellt … · Aktualisiert …', lang: 'de', top: '<p class="date">Erstellt: 03.03.2023 · Aktualisiert: 05.03.2023</p>', date: '2023-03-03'},
  {name: 'og:locale de_DE, no lang, 04.03.2023', lang: '', text: 'de', head: '<meta property="og:locale" content="de_DE">', top: '<span class="date">04.03.2023</span>', date: '2023-03-04'},
  {name: 'en: First published … Last modified …', lang: 'en-US', top: '<p class="date">Last modified on March 5, 2023</p><p class="date">First published on March 3, 2023</p>', date: '2023-03-03'},
  {
    name: 'en: relative Updated + JSON-LD',
    lang: 'en-US',
    head: ld({'@type': 'NewsArticle', datePublished: '2023-03-03T14:05:00-05:00'}),
    top: '<p class="date">Updated 2 hours ago</p>',
    date: '2023-03-03'
  },
  {name: 'en-GB: 03/04/2023', lang: 'en-GB', top: '<span class="date">03/04/2023</span>', date: '2023-04-03'},
  {name: 'en on a .co.uk host: 03/04/2023', lang: 'en', url: 'https://courier.example.co.uk/news/harbour-basin', top: '<span class="date">03/04/2023</span>', date: '2023-04-03'},
  {name: 'en-US: Published 03/04/2023', lang: 'en-US', top: '<p class="date">Published 03/04/2023</p>', date: '2023-03-04'},
  {name: 'en: dateline div LONDON, 3 March 2023', lang: 'en-GB', top: '<div class="dateline">LONDON, 3 March 2023</div>', date: '2023-03-03'},
  {
    name: 'yearless visible + JSON-LD dateModified',
    lang: 'en-US',
    head: ld({'@type': 'NewsArticle', dateModified: '2023-03-05T10:00:00-05:00'}),
    top: '<span class="meta-date">Mar 3</span>',
    date: '2023-03-03'
  },
  {name: 'itemprop datePublished meta in body', lang: 'en-US', top: '<meta itemprop="datePublished" content="2023-03-03T14:05:00+01:00">', date: '2023-03-03'}
]

const defaultByline: Record<string, {top: string; author: string}> = {
  en: {top: '<p class="byline">By Jane Roe</p>', author: 'Jane Roe'},
  de: {top: '<p class="author">Von Anna Schmidt</p>', author: 'Anna Schmidt'},
  fr: {top: '<p class="author">Par Claire Martin</p>', author: 'Claire Martin'},
  es: {top: '<p class="author">Por Lucía Gómez</p>', author: 'Lucía Gómez'},
  it: {top: '<p class="author">di Mario Rossi</p>', author: 'Mario Rossi'},
  nl: {top: '<p class="author">Door Pieter de Vries</p>', author: 'Pieter de Vries'},
  pt: {top: '<p class="author">Por Ana Souza</p>', author: 'Ana Souza'}
}

const defaultDate: Record<string, {top: string; date: string}> = {
  en: {top: '<time datetime="2023-03-03T14:05:00+01:00">March 3, 2023</time>', date: '2023-03-03'},
  de: {top: '<time datetime="2023-03-03T14:05:00+01:00">03.03.2023, 14:05 Uhr</time>', date: '2023-03-03'},
  fr: {top: '<time datetime="2023-03-03T14:05:00+01:00">3 mars 2023</time>', date: '2023-03-03'},
  es: {top: '<time datetime="2023-03-03T14:05:00+01:00">3 de marzo de 2023</time>', date: '2023-03-03'},
  it: {top: '<time datetime="2023-03-03T14:05:00+01:00">3 marzo 2023</time>', date: '2023-03-03'},
  nl: {top: '<time datetime="2023-03-03T14:05:00+01:00">3 maart 2023</time>', date: '2023-03-03'},
  pt: {top: '<time datetime="2023-03-03T14:05:00-03:00">3 de março de 2023</time>', date: '2023-03-03'}
}

export interface GridCase {
  name: string
  html: string
  url?: string
  author: string | undefined
  date: string | undefined
}

/**
 * Every page of the grid.
 *
 * @returns
 *   Pages and what a reader takes from them.
 */
export function gridCases(): Array<GridCase> {
  const cases: Array<GridCase> = []
  const add = (form: Form, other: {top: string; author?: string; date?: string}, kind: 'author' | 'date') => {
    for (const shell of shells) {
      for (const on of [false, true]) {
        const top = kind === 'author' ? (form.top ?? '') + other.top : other.top + (form.top ?? '')
        const html = shell.page({lang: form.lang, text: base(form.text ?? form.lang), head: form.head ?? '', top, end: form.end ?? '', noise: on})
        cases.push({
          name: `${kind} | ${form.name} | ${shell.name}${on ? ' + noise' : ''}`,
          html,
          ...(form.url ? {url: form.url} : {}),
          author: kind === 'author' ? form.author : 'author' in form ? form.author : other.author,
          date: kind === 'date' ? form.date : 'date' in form ? form.date : other.date
        })
      }
    }
  }
  for (const form of authorForms) add(form, 'date' in form ? {top: ''} : defaultDate[base(form.text ?? form.lang)], 'author')
  for (const form of dateForms) add(form, 'author' in form ? {top: ''} : defaultByline[base(form.text ?? form.lang)], 'date')
  return cases
}
