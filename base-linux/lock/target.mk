LIB   := lock
SRC_C := futex.c ../../base/lock/lock.c ../../base/lock/counter.c \
         ../../base/lock/semaphore.c ../../base/lock/blockade.c
