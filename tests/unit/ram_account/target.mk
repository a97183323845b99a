UNIT_TEST := test-ram_account
SRC_C     := main.c reclaim.c bomb.c watch.c fixture.c ../heap/test_backing.c
LIBS      := core_generic alloc harness
