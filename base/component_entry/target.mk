# main for a platform whose process start calls main: it runs the
# platform's component_platform_main (doc/porting.md). An object of its
# own, so that a libc component, whose program has a main, goes without it
LIB   := component_entry
SRC_C := entry.c
