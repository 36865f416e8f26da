#!/usr/bin/env bash
# `npm run demo`: convert the sample pages (fixtures/*/input.html) into the
# content folder of a Hugo site, sample-out/content/, with a JSON report and
# an HTML review page, and say where they are. The samples are the test
# fixtures, hostile pages included (template syntax, odd tags, tiny pages):
# the run reports what it had to change and which pages need review.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run build --silent || exit $?
echo "Converting the sample pages (the test fixtures, hostile and tiny pages among them): the warnings below (and any page that fails) are expected on them."
node bin/news-markdown.js fixtures --layout hugo --out sample-out/content --report sample-out/report.json --report-html sample-out/report.html
status=$?
if [ -d sample-out/content/posts ]; then
  echo
  echo "Hugo content: $(pwd)/sample-out/content/posts/ ($(find sample-out/content/posts -name '*.md' | wc -l) pages)"
  echo "Report:       $(pwd)/sample-out/report.json"
  echo "Review page:  $(pwd)/sample-out/report.html (open in a browser: pages that need review, and why)"
  echo "Preview with Hugo: put sample-out/content/ in a Hugo site (hugo new site), then run hugo server."
fi
# A page that fails makes the run exit 1; the demo itself succeeded.
[ "$status" -le 1 ] && exit 0 || exit "$status"
