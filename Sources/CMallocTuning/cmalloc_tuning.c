#include "cmalloc_tuning.h"
#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

int cmalloc_use_one_arena(void) { return mallopt(M_ARENA_MAX, 1); }
#else
int cmalloc_use_one_arena(void) { return 0; }
#endif
