UNIT_TEST := test-region_map
SRC_C     := main.c nested.c model.c ../heap/test_backing.c
LIBS      := core_generic alloc harness
