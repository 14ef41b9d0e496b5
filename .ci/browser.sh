#!/usr/bin/env bash
# Sourced by .ci/run before the tests: Debian's Chromium for the browser tests (tests/web), driven by
# Playwright (installed with the dev extra). With CI=true the browser tests fail rather than skip when
# Chromium is missing, so this must succeed.
if [ ! -x /usr/bin/chromium ]; then
  echo "ci: installing chromium (apt-get)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
export CI=true
