#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (and SSSE3 and SSE4.1) that absher_sha256_blocks needs.
int absher_sha256_blocks_available(void);

/// SHA-256's compression function (FIPS 180-4 section 6.2.2) over `count` consecutive 64-byte blocks,
/// with the x86 SHA extensions. Only call it when absher_sha256_blocks_available() returned 1.
void absher_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
