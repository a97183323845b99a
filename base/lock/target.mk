# lock, semaphore, blockade: generic algorithms on 32-bit words; sleeping
# and waking is the platform's lock_platform (base/internal/futex.h)
LIB   := lock
SRC_C := lock.c counter.c semaphore.c blockade.c
LIBS  := lock_platform
