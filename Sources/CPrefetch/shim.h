// A hint to the processor to start loading the cache line at `address` (GCC's and Clang's
// __builtin_prefetch, which Swift does not expose): the matcher's pairing reads people at random
// (MatchBlocks order), and asks for the next ones' lines while it compares the current ones.
static inline void absher_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
