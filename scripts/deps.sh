#!/usr/bin/env bash
# deps.sh - install the Debian packages a task needs, only those missing.
#
# usage: scripts/deps.sh GROUP...
#
# Groups:
#   build   libsqlite3-dev libjansson-dev unzip  (make: khabar index/search,
#           the FTS5 extension; unzip reads zipped collections)
#   search  sqlite3 python3 (the search tests: the sqlite3 shell, Python's
#           sqlite3 module)
#   bench   libstemmer-dev libsqlite3-dev unzip python3 time   (make bench)
#   lucene  liblucene8-java, and default-jdk-headless when there is no javac
#           on the PATH (make bench: the Lucene ArabicAnalyzer peer)
#   fuzz    clang libclang-rt-14-dev                           (make fuzz)
#   tables  unicode-data python3 libicu-dev pkg-config         (make tables)
#   html    chromium fonts-noto-core (the HTML report's rendering test)
#   ci      build-essential unicode-data python3 clang libclang-rt-14-dev,
#           libicu-dev pkg-config (make check-tables), and the build,
#           search and html groups
#
# A package counts as present when dpkg says "install ok installed". Missing
# ones are installed with apt-get install -y --no-install-recommends; when
# that fails, apt-get update runs once and the install is retried. sudo is
# used only when not running as root.
set -euo pipefail

usage() {
    echo "usage: scripts/deps.sh GROUP...   (groups: build search bench lucene fuzz tables html ci)" >&2
    exit 2
}

group_packages() {
    case "$1" in
        build)  echo "libsqlite3-dev libjansson-dev unzip" ;;
        search) echo "sqlite3 python3" ;;
        bench)  echo "libstemmer-dev libsqlite3-dev unzip python3 time" ;;
        lucene) # Any JDK will do (javac 11 or later): ask for Debian's
                # default one only when none is on the PATH.
                if command -v javac >/dev/null 2>&1; then
                    echo "liblucene8-java"
                else
                    echo "liblucene8-java default-jdk-headless"
                fi ;;
        fuzz)   echo "clang libclang-rt-14-dev" ;;
        tables) echo "unicode-data python3 libicu-dev pkg-config" ;;
        html)   echo "chromium fonts-noto-core" ;;
        ci)     echo "build-essential unicode-data python3 clang libclang-rt-14-dev" \
                     "libicu-dev pkg-config" \
                     "libsqlite3-dev libjansson-dev unzip sqlite3" \
                     "chromium fonts-noto-core" ;;
        *)      return 1 ;;
    esac
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

[ $# -ge 1 ] || usage

wanted=()
for group in "$@"; do
    if ! pkgs=$(group_packages "$group"); then
        echo "deps.sh: unknown group '$group'" >&2
        usage
    fi
    for pkg in $pkgs; do
        case " ${wanted[*]-} " in
            *" $pkg "*) ;;
            *) wanted+=("$pkg") ;;
        esac
    done
done

missing=()
for pkg in "${wanted[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "deps.sh: $* - all present (${wanted[*]})"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "deps.sh: not root and no sudo; install by hand: ${missing[*]}" >&2
    exit 1
fi

# env after sudo: sudo may drop DEBIAN_FRONTEND from the environment.
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
echo "deps.sh: installing ${missing[*]}"
if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
    echo "deps.sh: install failed; running apt-get update and retrying"
    if ! "${apt[@]}" update ||
       ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
        echo "deps.sh: could not install ${missing[*]}" >&2
        exit 1
    fi
fi

for pkg in "${missing[@]}"; do
    if ! installed "$pkg"; then
        echo "deps.sh: $pkg is still not installed" >&2
        exit 1
    fi
done
echo "deps.sh: installed ${missing[*]}"
