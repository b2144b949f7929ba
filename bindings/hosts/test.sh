#!/usr/bin/env bash
# The host languages' declarations (bindings/php, bindings/java, bindings/dotnet, bindings/go),
# tested as an integrator would use them, against the library `make install` puts in a
# temporary prefix and loaded by its soname (libbhyt.so.0.MINOR), as a deployed system loads it:
#
#   - the generated files (bindings/php/bhyt_ffi.h, the PHP, Java, C# and Go constants) are what
#     bindings/hosts/generate.py makes of bhyt.h;
#   - bindings/hosts/layout.c prints the C compiler's sizeof/offsetof of the structs the hosts
#     re-declare; the Java and C# tests (and PHP's FFI) compare theirs with it;
#   - each host runs every row of tests/vectors/cards.tsv (verdict, code, position, byte offset,
#     decoded parts, the detailed message in Vietnamese and English against
#     bindings/hosts/messages.tsv, which the Rust tests check against the core), non-ASCII and
#     invalid UTF-8 input and BHYT_NO_POSITION; and every row of the reception-desk vectors
#     tests/vectors/facility.tsv (facility codes: verdict, code, position, byte offset, parts)
#     and validity.tsv (a card's validity on a date, the notes on a stay), identify.tsv and qr.tsv (one search box:
#     kind, card or personal identification number, or the error's code, position, byte offset,
#     QR field and message), and ma_the.tsv (a claims MA_THE_BHYT field: each item's place,
#     verdict, position and byte offset in the field, the card of its text, its message), read
#     from next to cards.tsv; the advisory notes (advise) on the C and JavaScript tests' cases
#     and every row of cards.tsv; every row of qr.tsv through the card QR reader (every field,
#     the decoded texts, the masked repr):
#       PHP   php-cli (FFI::load of bhyt_ffi.h), and php-cgi with ffi.preload + opcache.preload
#             (bindings/php/preload.php), as php-fpm runs it;
#       Java  OpenJDK with Debian's JNA (/usr/share/java/jna.jar), LANG=C, jna.library.path;
#       C#    Mono: mcs -langversion:7, run by mono with LD_LIBRARY_PATH;
#       Go    go test with cgo through pkg-config (bhyt.pc, and bhyt-static.pc with the tag
#             bhyt_static), no network (GOPROXY=off, GOTOOLCHAIN=local).
#
# On a fresh Debian/Ubuntu machine it installs what is missing with apt-get (php-cli, php-cgi,
# default-jdk-headless, libjna-java, mono-mcs, mono-runtime, golang-go, cmake, pkg-config).
# Prints each step's time; ends with `N passed, M failed` and exits non-zero if anything failed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CARDS="$ROOT/tests/vectors/cards.tsv"
MESSAGES="$HERE/messages.tsv"

# ---- What the tests need -------------------------------------------------------------------
missing=()
for pair in php:php-cli php-cgi:php-cgi javac:default-jdk-headless mcs:mono-mcs \
    mono:mono-runtime go:golang-go pkg-config:pkg-config gcc:gcc make:make python3:python3; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
[ -e /usr/share/java/jna.jar ] || missing+=(libjna-java)
bash "$ROOT/scripts/apt-install.sh" "${missing[@]}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bhyt-hosts-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"

passed=0
failed=0
step() {
    local name=$1 rc began=$SECONDS
    shift
    set +e
    (
        set -euo pipefail
        "$@"
    ) >"$WORK/step.log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        printf 'ok   %-70s %4d s\n' "$name" $((SECONDS - began))
        grep -E '^(php|java|csharp|ok  |---|=== RUN)' "$WORK/step.log" | grep -v '^=== RUN' | sed 's/^/     /' || true
    else
        failed=$((failed + 1))
        printf 'FAIL %-70s %4d s (exit %s)\n' "$name" $((SECONDS - began)) "$rc"
        tail -n 40 "$WORK/step.log" | sed 's/^/     /'
    fi
}

install_library() {
    make -s -C "$ROOT/bindings/c" install PREFIX="$PREFIX"
    gcc -std=c99 -Wall -Wextra -Werror -pedantic -I"$PREFIX/include" "$HERE/layout.c" \
        -o "$WORK/layout"
    "$WORK/layout" >"$WORK/layout.txt"
    test -s "$WORK/layout.txt"
}

generated() {
    python3 "$HERE/generate.py" --check
}

php_cli() {
    LD_LIBRARY_PATH="$PREFIX/lib" php -d ffi.enable=preload \
        "$ROOT/bindings/php/tests/vectors_test.php" "$CARDS" "$MESSAGES" "$WORK/layout.txt"
}

php_preload() {
    local user
    user=$(id -un)
    env LD_LIBRARY_PATH="$PREFIX/lib" BHYT_CARDS="$CARDS" BHYT_MESSAGES="$MESSAGES" \
        BHYT_LAYOUT="$WORK/layout.txt" BHYT_EXPECT_SCOPE=1 \
        php-cgi -q -d ffi.enable=preload -d ffi.preload="$ROOT/bindings/php/bhyt_ffi.h" \
        -d opcache.enable=1 -d opcache.preload="$ROOT/bindings/php/preload.php" \
        -d opcache.preload_user="$user" "$ROOT/bindings/php/tests/vectors_test.php" | tee "$WORK/cgi.txt"
    grep -q '^php (cgi-fcgi): [0-9]* passed, 0 failed$' "$WORK/cgi.txt"
}

java_jna() {
    local out="$WORK/java"
    mkdir -p "$out"
    javac -encoding UTF-8 -Xlint:all -Werror -cp /usr/share/java/jna.jar -d "$out" \
        "$ROOT"/bindings/java/src/vn/bhyt/*.java "$ROOT"/bindings/java/test/vn/bhyt/*.java
    # LANG=C: the declarations must not depend on the platform's default encoding.
    env LANG=C LC_ALL=C java -cp "$out:/usr/share/java/jna.jar" -Djna.library.path="$PREFIX/lib" \
        vn.bhyt.VectorsTest "$CARDS" "$MESSAGES" "$WORK/layout.txt"
}

csharp_mono() {
    mcs -langversion:7 -warnaserror -out:"$WORK/VectorsTest.exe" \
        "$ROOT/bindings/dotnet/Bhyt.cs" "$ROOT/bindings/dotnet/BhytConstants.cs" \
        "$ROOT/bindings/dotnet/tests/VectorsTest.cs"
    env LANG=C LD_LIBRARY_PATH="$PREFIX/lib" mono "$WORK/VectorsTest.exe" "$CARDS" "$MESSAGES" \
        "$WORK/layout.txt"
}

go_cgo() {
    cd "$ROOT/bindings/go"
    test -z "$(gofmt -l .)"
    export GOFLAGS=-mod=mod GOTOOLCHAIN=local GOPROXY=off GOCACHE="$WORK/gocache"
    go vet ./...
    LD_LIBRARY_PATH="$PREFIX/lib" go test -count=1 -v ./... 2>&1 | tee "$WORK/go.txt"
    go test -c -o "$WORK/go-shared.test" .
    grep -q 'NEEDED.*\[libbhyt\.so\.0\.' <<<"$(readelf -d "$WORK/go-shared.test")"
    # With the tag bhyt_static (bhyt-static.pc): nothing of libbhyt to ship. (A cache of its
    # own: Go 1.19 keys a cgo package's cache entry by its pkg-config cflags, which both .pc
    # files share, and would reuse the shared build's link flags.)
    export GOCACHE="$WORK/gocache-static"
    go test -count=1 -tags bhyt_static ./...
    go test -tags bhyt_static -c -o "$WORK/go-static.test" .
    if grep -q libbhyt <<<"$(readelf -d "$WORK/go-static.test")"; then
        echo "the bhyt_static build needs libbhyt.so"
        return 1
    fi
}

step "make install into a temporary prefix; layout.c (sizeof/offsetof)" install_library
step "generated host files are what generate.py makes of bhyt.h" generated
step "PHP $(php -r 'echo PHP_VERSION;' 2>/dev/null) CLI: FFI::load(bhyt_ffi.h), vectors, layout" php_cli
step "PHP CGI: ffi.preload + opcache.preload (as under php-fpm), vectors" php_preload
step "Java $(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p') + JNA: vectors, layout, LANG=C" java_jna
step "C# (mcs -langversion:7, mono $(mono --version | sed -n '1s/.*version \([0-9.]*\).*/\1/p')): vectors, layout" csharp_mono
step "Go $(go env GOVERSION 2>/dev/null) cgo: go vet, go test (shared and bhyt_static)" go_cgo

echo "$passed passed, $failed failed ($SECONDS s)"
[ "$failed" -eq 0 ]
