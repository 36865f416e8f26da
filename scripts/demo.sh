#!/usr/bin/env bash
# `npm run demo`: convert the sample pages (fixtures/*/input.html) into the
# content folder of a Hugo site, sample-out/content/, with a JSON report,
# and say where they are. Some samples are broken on purpose (binary,
# empty, undecodable pages): the run reports them and goes on.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || exit $?
node bin/news-markdown.js fixtures --layout hugo --out sample-out/content --report sample-out/report.json
status=$?
if [ -d sample-out/content/posts ]; then
  echo
  echo "Hugo content: $(pwd)/sample-out/content/posts/ ($(find sample-out/content/posts -name '*.md' | wc -l) pages)"
  echo "Report:       $(pwd)/sample-out/report.json"
  echo "Preview with Hugo: put sample-out/content/ in a Hugo site (hugo new site), then run hugo server."
fi
# Pages that failed on purpose make the run exit 1; the demo itself succeeded.
[ "$status" -le 1 ] && exit 0 || exit "$status"
