#!/bin/sh
# Debian packages needed to (re)render the PDF fixtures by hand: LibreOffice Writer without a GUI (HTML/ODT → PDF,
# the writer most municipal PDFs come from), the IPAex / Noto CJK fonts the fixtures are set in, ghostscript (to look
# at a rendered page) and qpdf (to encrypt the test PDFs); poppler-utils (pdftotext, pdfinfo, pdftoppm) and time
# (/usr/bin/time) are the references `pnpm bench` measures shiryo against.
# Not needed to run shiryo or its tests: the rendered PDFs are committed. Run as root (or through sudo).
set -eu
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
  libreoffice-writer-nogui fonts-ipaexfont fonts-noto-cjk ghostscript qpdf poppler-utils time
