// mimalloc (Debian's libmimalloc-dev), which takes the place of glibc's malloc in the whole process once linked
// (the module map links it): mi_collect gives what the build let go back to the system between steps.
#include <mimalloc.h>
