UNIT_TEST := test-arg_string
SRC_C     := main.c parse.c lookup.c edit.c
LIBS      := arg_string harness
