// glibc's malloc_trim, which Swift's Glibc module does not export (malloc.h is not in its module map).
#include <malloc.h>
