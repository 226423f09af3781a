#!/usr/bin/env bash
# page-images.sh — the page images in examples/reports/ that the README shows: the first page
# of the Glenbrae report in each view, as PDF (WeasyPrint, the HTML's print layout) and as
# Word (converted by LibreOffice), the HTML in Chromium and the Markdown as text. Needs the pdf
# extra, LibreOffice, poppler-utils and Chromium
# (bash tools/install-programs.sh with DEBIAN_PROGRAMS from .ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
example=cso-at-home-glenbrae
for view in team partnership publication; do
  PYTHONPATH=src python3 -m inspectkit report "examples/$example" --view "$view" \
    --format pdf --output "$work" --force
  PYTHONPATH=src python3 -m inspectkit report "examples/$example" --view "$view" \
    --format docx --output "$work" --force
  stem="$example"; [ "$view" = team ] || stem="$example-$view"
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
    --outdir "$work/word" "$work/$stem.docx" >/dev/null
  pdftoppm -png -r 45 -f 1 -l 1 -singlefile "$work/$stem.pdf" "examples/reports/$example-$view-pdf"
  pdftoppm -png -r 45 -f 1 -l 1 -singlefile "$work/word/$stem.pdf" "examples/reports/$example-$view-docx"
  # The HTML in a browser (its first screen) and the Markdown as text, for each view.
  PYTHONPATH=src python3 -m inspectkit report "examples/$example" --view "$view" \
    --format both --output "$work/both" --force
  [ "$view" = team ] || cp "$work/both/$stem.md" "examples/reports/$example-$view.md"
  "${CHROMIUM:-/usr/bin/chromium}" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --hide-scrollbars --window-size=900,1100 \
    --screenshot="examples/reports/$example-$view-html.png" "file://$work/both/$stem.html" \
    >/dev/null 2>&1
done
echo "page images: examples/reports/$example-*-{pdf,docx}.png"
