#!/usr/bin/env bash
# `npm test` runs this first: it installs the Debian packages that some suites need, skipping
# what is present, with apt-get as root or through sudo. Where they cannot be installed it
# says so and carries on: those suites then fail, each with one line naming its package.
#   python3-mongomock, python3-mockupdb: the MongoDB wire server of test/integration/ and
#     test/cli/load-mongodb.test.ts (no MongoDB server is packaged for Debian);
#   chromium: the /docs page test (test/e2e/), driven by playwright-core.
set -u
PACKAGES=(python3-mongomock python3-mockupdb chromium)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cannot() {
  echo "install-test-packages: could not install ${missing[*]} ($1); the suites that need them will fail until they are installed" >&2
  exit 0
}
command -v apt-get >/dev/null || cannot 'no apt-get on this machine'
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
  sudo=(sudo)
else
  cannot 'not root, and no sudo without a password'
fi
echo "install-test-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq || cannot 'apt-get update failed'
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || cannot 'apt-get install failed'
