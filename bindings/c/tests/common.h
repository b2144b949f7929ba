/*
 * Helpers shared by the C tests of libbhyt: counting checks, the summary line, and the reading
 * of the shared TSV files (tests/vectors/README.md, tests/junk/README.md): the whole file, its
 * LF-separated lines and TAB-separated fields, the escapes of the `input` column, and the
 * UTF-8 helpers the positions need.
 * C99; every test is a single translation unit that includes this file once. The helpers a
 * test may not use are `static inline`, which compilers do not warn about when unused.
 */
#ifndef BHYT_TEST_COMMON_H
#define BHYT_TEST_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bhyt.h"

static unsigned long checks_passed = 0;
static unsigned long checks_failed = 0;

/* Records one check; prints where it failed (never the card number being tested). */
static int check_at(int ok, const char *file, int line, const char *what) {
    if (ok) {
        checks_passed++;
    } else {
        checks_failed++;
        if (checks_failed <= 50) {
            fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
        }
    }
    return ok;
}

#define CHECK(cond) check_at((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Prints the summary line of one test program and returns its exit status. */
static int finish(const char *name) {
    printf("%s: %lu passed, %lu failed\n", name, checks_passed, checks_failed);
    return (checks_failed == 0 && checks_passed > 0) ? 0 : 1;
}

/* ---- Reading the shared TSV files --------------------------------------------------------- */

#define MAX_COLUMNS 32

/* Reads a whole file into a NUL-terminated heap buffer; NULL on error. */
static inline char *read_file(const char *path, size_t *out_len) {
    FILE *file = fopen(path, "rb");
    char *data = NULL;
    size_t len = 0;
    size_t cap = 0;
    if (file == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (cap - len < 4096) {
            char *grown;
            cap = cap * 2 + 65536;
            grown = (char *)realloc(data, cap + 1);
            if (grown == NULL) {
                free(data);
                fclose(file);
                return NULL;
            }
            data = grown;
        }
        got = fread(data + len, 1, cap - len, file);
        len += got;
        if (got == 0) {
            break;
        }
    }
    fclose(file);
    data[len] = '\0';
    *out_len = len;
    return data;
}

typedef struct {
    char *text; /* the file, modified in place: fields become NUL-terminated */
    size_t len;
    size_t pos; /* where the next line starts */
    unsigned long line;
    const char *path;
    char *header[MAX_COLUMNS];
    size_t columns;
} tsv;

/* Splits the next line (on LF only) into fields; 0 at the end of the file. */
static inline int tsv_next(tsv *t, char **fields, size_t *count) {
    while (t->pos < t->len) {
        char *start = t->text + t->pos;
        char *end = (char *)memchr(start, '\n', t->len - t->pos);
        char *p;
        size_t n = 0;
        if (end == NULL) {
            end = t->text + t->len;
        }
        *end = '\0';
        t->pos = (size_t)(end - t->text) + 1;
        t->line++;
        if (start[0] == '#') {
            continue;
        }
        p = start;
        for (;;) {
            char *tab = strchr(p, '\t');
            if (n < MAX_COLUMNS) {
                fields[n] = p;
            }
            n++;
            if (tab == NULL) {
                break;
            }
            *tab = '\0';
            p = tab + 1;
        }
        *count = n;
        return 1;
    }
    return 0;
}

/* Reads the file and its header row; 0 (with a message) if either is missing. */
static inline int tsv_open(tsv *t, const char *path) {
    size_t count = 0;
    memset(t, 0, sizeof *t);
    t->path = path;
    t->text = read_file(path, &t->len);
    if (t->text == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        return 0;
    }
    if (!tsv_next(t, t->header, &count) || count > MAX_COLUMNS) {
        fprintf(stderr, "%s: no header row\n", path);
        return 0;
    }
    t->columns = count;
    return 1;
}

/* The index of a column by its header name; exits (status 2) if the file has no such column. */
static inline size_t tsv_column(const tsv *t, const char *name) {
    size_t i;
    for (i = 0; i < t->columns; i++) {
        if (strcmp(t->header[i], name) == 0) {
            return i;
        }
    }
    fprintf(stderr, "%s: no column %s\n", t->path, name);
    exit(2);
}

static inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1; /* the junk file writes two uppercase hex digits */
}

/*
 * Unescapes an `input` field in place (\\ \t \n \r); returns 0 on a malformed escape. With
 * `hex` (the junk file's format) \xHH is an escape too, and above 7F only when `bytes_only`;
 * without it (the vectors' format) \xHH is malformed.
 */
static inline int unescape_field(char *field, int hex, int bytes_only, size_t *out_len) {
    char *r = field;
    char *w = field;
    while (*r != '\0') {
        if (*r == '\\') {
            int hi;
            int lo;
            r++;
            switch (*r) {
            case '\\': *w++ = '\\'; break;
            case 't': *w++ = '\t'; break;
            case 'n': *w++ = '\n'; break;
            case 'r': *w++ = '\r'; break;
            case 'x':
                if (!hex) {
                    return 0;
                }
                hi = hex_digit(r[1]);
                lo = hi < 0 ? -1 : hex_digit(r[2]);
                if (lo < 0 || (hi >= 8 && !bytes_only)) {
                    return 0;
                }
                *w++ = (char)(unsigned char)(hi * 16 + lo);
                r += 2;
                break;
            default: return 0;
            }
            r++;
        } else {
            *w++ = *r++;
        }
    }
    *out_len = (size_t)(w - field);
    return 1;
}

/* The `issuer` column: any, vss, police, defence; 0 for anything else. */
static inline int issuer_value(const char *name, bhyt_issuer *out) {
    if (strcmp(name, "any") == 0) {
        *out = BHYT_ISSUER_ANY;
    } else if (strcmp(name, "vss") == 0) {
        *out = BHYT_ISSUER_VSS;
    } else if (strcmp(name, "police") == 0) {
        *out = BHYT_ISSUER_POLICE;
    } else if (strcmp(name, "defence") == 0) {
        *out = BHYT_ISSUER_DEFENCE;
    } else {
        return 0;
    }
    return 1;
}

/* A position column: a number, or `-` for BHYT_NO_POSITION. */
static inline size_t position_value(const char *field) {
    return strcmp(field, "-") == 0 ? BHYT_NO_POSITION : (size_t)strtoul(field, NULL, 10);
}

/* ---- UTF-8 --------------------------------------------------------------------------------- */

/* Whether bytes[0..len) is well-formed UTF-8 (no surrogates, no overlongs, <= U+10FFFF). */
static inline int utf8_valid(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned long cp;
        size_t k;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (len - i < n + 1) {
            return 0;
        }
        for (k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        i += n + 1;
    }
    return 1;
}

/* Characters (code points) in the first n bytes of well-formed UTF-8. */
static inline size_t utf8_chars(const unsigned char *s, size_t n) {
    size_t i;
    size_t count = 0;
    for (i = 0; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* Checks that byte_offset is where character `position` starts, for well-formed input. */
static inline int offset_matches(const char *input, size_t len, size_t position,
                                 size_t byte_offset) {
    const unsigned char *s = (const unsigned char *)input;
    if (position == BHYT_NO_POSITION) {
        return byte_offset == BHYT_NO_POSITION;
    }
    if (byte_offset > len) {
        return 0;
    }
    if (!utf8_valid(s, len)) {
        return 1; /* only the bound is checked for malformed input */
    }
    if (byte_offset < len && (s[byte_offset] & 0xC0) == 0x80) {
        return 0;
    }
    return utf8_chars(s, byte_offset) == position;
}

#endif /* BHYT_TEST_COMMON_H */
