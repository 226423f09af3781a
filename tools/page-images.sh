#!/usr/bin/env bash
# page-images.sh — the page images in examples/reports/ that the README shows: the first page
# of the Glenbrae report in each view, as PDF (WeasyPrint, the HTML's print layout) and as
# Word (converted by LibreOffice). Needs the pdf extra, LibreOffice and poppler-utils
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
done
echo "page images: examples/reports/$example-*-{pdf,docx}.png"
