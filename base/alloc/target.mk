LIB   := alloc
SRC_C := heap.c heap_block.c slab.c range_alloc.c range_alloc_iter.c
LIBS  := avl util
