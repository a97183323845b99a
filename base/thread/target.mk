# threads in the thread-context area; slots, stacks and start are the
# platform's thread_platform (base/internal/thread_context.h)
LIB   := thread
SRC_C := context_area.c thread.c
LIBS  := thread_platform lock util
