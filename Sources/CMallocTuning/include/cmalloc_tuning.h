#ifndef CMALLOC_TUNING_H
#define CMALLOC_TUNING_H

/* Makes glibc's malloc serve every thread from one heap (mallopt M_ARENA_MAX 1): call before
   any thread starts. Returns 1 on success, 0 where the C library has no such setting. */
int cmalloc_use_one_arena(void);

#endif
