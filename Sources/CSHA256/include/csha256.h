#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/* 1 when this CPU has the x86 SHA extensions (and the SSSE3/SSE4.1 they are used with), else 0. */
int csha256_has_extensions(void);

/* Folds `blocks` 64-byte blocks at `data` into the SHA-256 state (a, b, … h) with the SHA
   extensions, using FIPS 180-4's 64 round constants (the caller's table, so there is one).
   Only call when csha256_has_extensions() says 1. */
void csha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t round_constants[64]);

#endif
