#!/usr/bin/env bash
# Every test of the C layer (bindings/c), as an integrator would run them:
#
#   - the binding's Rust unit tests (panic boundary, static strings, line split, version);
#   - bhyt.h is exactly what the pinned cbindgen generates, and carries Cargo.toml's version;
#   - `make install` into a temporary prefix: libbhyt.a, libbhyt.so (versioned soname, only
#     bhyt_* exported), bhyt.h, bhyt.pc;
#   - the header compiled alone as C99/C11 and as C++11/C++17, -Wall -Wextra -Werror -pedantic;
#   - the C tests (every row of tests/vectors/cards.tsv and prefixes.tsv, every row of the
#     reception-desk vectors tests/vectors/identify.tsv, ma_the.tsv, qr.tsv, gateway.tsv,
#     facility.tsv and validity.tsv, every row of the
#     junk-input suite tests/junk/junk.tsv, the API contract, threads), compiled with
#     gcc -std=c99 -Wall -Wextra -Werror -pedantic, run against the shared and the static
#     library, under valgrind and under ASan/UBSan;
#   - the README's link lines (shared and static, through pkg-config), run verbatim;
#   - bhyt-static.pc and the CMake package (find_package(bhyt CONFIG) with bhyt::bhyt and
#     bhyt::bhyt_static), checked with readelf and ldd;
#   - a Python ctypes smoke test.
#
# On a fresh Debian/Ubuntu machine it installs what is missing (pkg-config, valgrind, ... with
# apt-get; cbindgen with cargo). Ends with the summary line `N passed, M failed`; exits non-zero
# if anything failed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VECTORS="$ROOT/tests/vectors"
JUNK="$ROOT/tests/junk/junk.tsv"
CBINDGEN_VERSION=0.29.4
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# ---- What the tests need -------------------------------------------------------------------
missing=()
for pair in pkg-config:pkg-config valgrind:valgrind make:make gcc:gcc g++:g++ \
    readelf:binutils nm:binutils python3:python3 cmake:cmake; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
bash "$ROOT/scripts/apt-install.sh" "${missing[@]}"
if [ "$(cbindgen --version 2>/dev/null || true)" != "cbindgen $CBINDGEN_VERSION" ]; then
    echo "==> cargo install cbindgen $CBINDGEN_VERSION"
    cargo install cbindgen --version "$CBINDGEN_VERSION" --locked \
        || cargo install cbindgen --version "$CBINDGEN_VERSION"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bhyt-c-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"
BIN="$WORK/bin"
mkdir -p "$BIN"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"

CFLAGS_STRICT=(-std=c99 -Wall -Wextra -Werror -pedantic -O2 -g)
CXXFLAGS_STRICT=(-Wall -Wextra -Werror -pedantic -O2 -g)
SANITIZE=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
VALGRIND=(valgrind -q --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect --track-origins=yes)
CARGO_VERSION=$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 \
    | python3 -c 'import json, sys
print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "bhyt-c"))')

# ---- The steps -----------------------------------------------------------------------------
passed=0
failed=0

# step NAME FUNCTION: runs FUNCTION with errexit in a subshell, counts and reports it.
step() {
    local name=$1 rc
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
        printf 'ok   %s\n' "$name"
        grep -E '^(test_[a-z_]+|ctypes|header_cpp): ' "$WORK/step.log" | sed 's/^/     /' || true
    else
        failed=$((failed + 1))
        printf 'FAIL %s (exit %s)\n' "$name" "$rc"
        tail -n 40 "$WORK/step.log" | sed 's/^/     /'
    fi
}

unit_tests() {
    cd "$ROOT"
    cargo test -p bhyt-c --quiet
}

header_is_generated() {
    make -s -C "$HERE" check-header CBINDGEN=cbindgen
}

header_version() {
    grep -qx "#define BHYT_VERSION \"$CARGO_VERSION\"" "$HERE/bhyt.h"
    local major minor patch
    IFS=. read -r major minor patch <<<"$CARGO_VERSION"
    grep -qx "#define BHYT_VERSION_MAJOR $major" "$HERE/bhyt.h"
    grep -qx "#define BHYT_VERSION_MINOR $minor" "$HERE/bhyt.h"
    grep -qx "#define BHYT_VERSION_PATCH ${patch%%[-+]*}" "$HERE/bhyt.h"
    grep -q "Generated with cbindgen:$CBINDGEN_VERSION" "$HERE/bhyt.h"
}

install_prefix() {
    make -s -C "$HERE" install PREFIX="$PREFIX"
    for file in lib/libbhyt.a lib/libbhyt.so include/bhyt.h lib/pkgconfig/bhyt.pc \
        lib/pkgconfig/bhyt-static.pc lib/cmake/bhyt/bhytConfig.cmake \
        lib/cmake/bhyt/bhytConfigVersion.cmake; do
        test -e "$PREFIX/$file"
    done
    cmp "$HERE/bhyt.h" "$PREFIX/include/bhyt.h"
    test "$(pkg-config --modversion bhyt)" = "$CARGO_VERSION"
}

shared_library() {
    local soname major minor
    IFS=. read -r major minor _ <<<"$CARGO_VERSION"
    if [ "$major" = 0 ]; then soname="libbhyt.so.0.$minor"; else soname="libbhyt.so.$major"; fi
    test "$(make -s -C "$HERE" print-soname)" = "$soname"
    grep -q "Library soname: \[$soname\]" <<<"$(readelf -d "$PREFIX/lib/libbhyt.so")"
    test "$(readlink "$PREFIX/lib/libbhyt.so")" = "$soname"
    test "$(readlink "$PREFIX/lib/$soname")" = "libbhyt.so.$CARGO_VERSION"
    # Exactly the header's functions are exported, nothing else.
    nm -D --defined-only "$PREFIX/lib/libbhyt.so" | awk '$2 == "T" {print $3}' | sort >"$WORK/exported"
    grep -oE '\bbhyt_[a-z_]+\(' "$HERE/bhyt.h" | tr -d '(' | sort -u >"$WORK/declared"
    diff "$WORK/declared" "$WORK/exported"
    if nm -D --defined-only "$PREFIX/lib/libbhyt.so" | grep -v ' bhyt_'; then
        echo "libbhyt.so exports symbols other than bhyt_*"
        return 1
    fi
}

header_alone_c() {
    printf '#include <bhyt.h>\nint main(void) { return bhyt_version() == 0; }\n' >"$WORK/alone.c"
    for std in c99 c11; do
        gcc -std=$std -Wall -Wextra -Werror -pedantic $(pkg-config --cflags bhyt) \
            -fsyntax-only "$WORK/alone.c"
    done
}

header_cpp() {
    for std in c++11 c++17; do
        g++ -std=$std "${CXXFLAGS_STRICT[@]}" "$HERE/tests/header_cpp.cpp" -o "$BIN/header_cpp" \
            $(pkg-config --cflags --libs bhyt) -Wl,-rpath,"$PREFIX/lib"
        "$BIN/header_cpp"
    done
}

# build NAME SOURCE EXTRA... : the C tests, strict flags, against the shared library.
build_shared() {
    gcc "${CFLAGS_STRICT[@]}" -pthread -DBHYT_EXPECTED_VERSION="\"$CARGO_VERSION\"" \
        $(pkg-config --cflags bhyt) "$HERE/tests/$2.c" -o "$BIN/$1" \
        $(pkg-config --libs bhyt) -Wl,-rpath,"$PREFIX/lib"
}

build_static() {
    gcc "${CFLAGS_STRICT[@]}" -pthread -DBHYT_EXPECTED_VERSION="\"$CARGO_VERSION\"" "${@:3}" \
        $(pkg-config --cflags bhyt) "$HERE/tests/$2.c" -o "$BIN/$1" \
        $(pkg-config --variable=static_libs bhyt)
    if grep -q 'libbhyt' <<<"$(readelf -d "$BIN/$1")"; then
        echo "$1 was meant to be linked statically but needs libbhyt.so"
        return 1
    fi
}

compile_tests() {
    for test in test_vectors test_reception test_qr test_junk test_api test_threads test_error_text; do
        build_shared "$test" "$test"
        build_static "$test.static" "$test"
        build_static "$test.asan" "$test" "${SANITIZE[@]}"
    done
}

run() { # run BINARY [PREFIX-COMMAND...]
    local binary=$1
    shift
    case "$binary" in
    test_vectors*) "$@" "$BIN/$binary" "$VECTORS/cards.tsv" "$VECTORS/prefixes.tsv" ;;
    test_reception*) "$@" "$BIN/$binary" "$VECTORS/identify.tsv" "$VECTORS/ma_the.tsv" ;;
    test_qr*) "$@" "$BIN/$binary" "$VECTORS/qr.tsv" "$VECTORS/gateway.tsv" \
        "$VECTORS/facility.tsv" "$VECTORS/validity.tsv" ;;
    test_junk*) "$@" "$BIN/$binary" "$JUNK" ;;
    test_error_text*) "$@" "$BIN/$binary" "$VECTORS/cards.tsv" ;;
    *) "$@" "$BIN/$binary" ;;
    esac
}

run_asan() {
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        run "$1"
}

# The link lines of the README, run exactly as written there.
readme_link_lines() {
    local lines
    lines=$(grep -E '^cc -o app app\.c ' "$HERE/README.md")
    test "$(printf '%s\n' "$lines" | wc -l)" -eq 3
    cp "$HERE/tests/consumer/app.c" "$WORK/app.c"
    cd "$WORK"
    while IFS= read -r line; do
        rm -f app
        echo "\$ $line"
        bash -euo pipefail -c "$line"
        if grep -qE 'static_libs|bhyt-static' <<<"$line"; then
            if grep -q 'libbhyt' <<<"$(readelf -d app)"; then
                echo "the static link line produced a program that needs libbhyt.so"
                exit 1
            fi
            ./app 0101010101 DN4000123456789 'hs 4 01 0120878811' >out.txt || test $? -eq 1
        else
            grep -q 'NEEDED.*libbhyt\.so\.' <<<"$(readelf -d app)"
            LD_LIBRARY_PATH="$PREFIX/lib" ./app 0101010101 DN4000123456789 \
                'hs 4 01 0120878811' >out.txt || test $? -eq 1
        fi
        cat out.txt
        grep -qx 'valid \*\*\*\*\*\*0101' out.txt
        grep -q '^invalid invalid_province_code at 3: ' out.txt
        grep -qx 'valid HS 4 01 \*\*\*\*\*\*8811' out.txt
        grep -qx "bhyt $CARGO_VERSION" out.txt
    done <<<"$lines"
    # The README's first program, compiled strictly and run.
    awk '/^```c$/ {inside = 1; next} /^```$/ {if (inside) exit} inside' "$HERE/README.md" >first.c
    gcc "${CFLAGS_STRICT[@]}" -o first first.c $(pkg-config --cflags --libs bhyt)
    LD_LIBRARY_PATH="$PREFIX/lib" ./first | tee first.txt
    grep -qx 'HS 4 01 \*\*\*\*\*\*8811: Học sinh, mức hưởng 4' first.txt
}

# bhyt-static.pc names the archive: a program linked with it needs no libbhyt.so.
static_pkg_config() {
    grep -q "$PREFIX/lib/libbhyt.a" <<<"$(pkg-config --libs bhyt-static)"
    test "$(pkg-config --modversion bhyt-static)" = "$CARGO_VERSION"
    gcc "${CFLAGS_STRICT[@]}" -o "$BIN/app_pc_static" "$HERE/tests/consumer/app.c" \
        $(pkg-config --cflags --libs bhyt-static)
    if grep -q 'libbhyt' <<<"$(readelf -d "$BIN/app_pc_static")"; then
        echo "linked with bhyt-static.pc, the program still needs libbhyt.so"
        return 1
    fi
    grep -qx 'valid \*\*\*\*\*\*0101' <<<"$("$BIN/app_pc_static" 0101010101)"
}

# The installed CMake package: find_package(bhyt 0.1 CONFIG) from a consumer project, one
# program per target; readelf and ldd say which library each got.
cmake_package() {
    local build="$WORK/cmake-build"
    cmake -S "$HERE/tests/cmake" -B "$build" -DCMAKE_PREFIX_PATH="$PREFIX" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic"
    cmake --build "$build"
    grep -q 'NEEDED.*\[libbhyt\.so\.0\.' <<<"$(readelf -d "$build/app_shared")"
    grep -q "libbhyt.so.0.* => $PREFIX/lib/libbhyt.so.0" <<<"$(ldd "$build/app_shared")"
    if grep -q 'libbhyt' <<<"$(readelf -d "$build/app_static")"; then
        echo "bhyt::bhyt_static produced a program that needs libbhyt.so"
        return 1
    fi
    grep -qx 'valid \*\*\*\*\*\*0101' <<<"$("$build/app_shared" 0101010101)"
    grep -qx 'valid \*\*\*\*\*\*0101' <<<"$("$build/app_static" 0101010101)"
    # A version of another ABI is refused.
    if cmake -S "$HERE/tests/cmake" -B "$WORK/cmake-old" -DCMAKE_PREFIX_PATH="$PREFIX" \
        -DBHYT_WANT=9.0 >/dev/null 2>&1; then
        echo "find_package(bhyt 9.0) accepted $CARGO_VERSION"
        return 1
    fi
}

python_ctypes() {
    python3 "$HERE/tests/smoke_ctypes.py" "$PREFIX/lib/libbhyt.so"
}

step "binding unit tests (cargo test -p bhyt-c)" unit_tests
step "bhyt.h is what cbindgen $CBINDGEN_VERSION generates" header_is_generated
step "bhyt.h carries the version of Cargo.toml ($CARGO_VERSION)" header_version
step "make install into a temporary prefix (lib, header, bhyt.pc)" install_prefix
step "libbhyt.so: versioned soname, exports exactly the header's functions" shared_library
step "bhyt.h alone compiles as C99 and C11 (-Wall -Wextra -Werror -pedantic)" header_alone_c
step "bhyt.h compiles as C++11 and C++17 (-pedantic), linked and run" header_cpp
step "C tests compile (gcc -std=c99 -Wall -Wextra -Werror -pedantic; shared, static, ASan)" \
    compile_tests
for test in test_vectors test_reception test_qr test_junk test_api test_threads test_error_text; do
    step "$test, shared library" run "$test"
    step "$test, static library" run "$test.static"
    step "$test, under valgrind" run "$test" "${VALGRIND[@]}"
    step "$test, under ASan and UBSan" run_asan "$test.asan"
done
step "README link lines (pkg-config, shared and static) and first program build and run" \
    readme_link_lines
step "bhyt-static.pc links the archive (readelf: no libbhyt.so needed)" static_pkg_config
step "CMake package: find_package(bhyt CONFIG), bhyt::bhyt and bhyt::bhyt_static (readelf, ldd)" \
    cmake_package
step "Python ctypes loads libbhyt.so and validates" python_ctypes

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
