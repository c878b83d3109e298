// glibc's malloc extensions (malloc_trim(3)), which the Swift Glibc module does not export.
#if defined(__linux__)
#include <malloc.h>
#endif
