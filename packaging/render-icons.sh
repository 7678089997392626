#!/usr/bin/env bash
# Renders the application icon's PNG sizes into resources/icons/hicolor/ from its SVG.
# The PNGs are committed, so a build needs no SVG renderer; run this after changing the SVG.
# Prefers rsvg-convert (librsvg2-bin: exact gradients); ImageMagick's own SVG reader drops them.
set -euo pipefail
cd "$(dirname "$0")/.."

app_id=io.github.webhookadmin.WebhookAdmin
svg=resources/icons/$app_id.svg
for size in 16 32 48 64 128 256; do
    out=resources/icons/hicolor/${size}x${size}/apps/$app_id.png
    mkdir -p "$(dirname "$out")"
    if command -v rsvg-convert > /dev/null; then
        rsvg-convert --width "$size" --height "$size" --output "$out" "$svg"
    else
        convert -background none -density 1536 "$svg" -resize "${size}x${size}" \
            -define png:exclude-chunks=date,time "$out"
    fi
    echo "$out"
done
