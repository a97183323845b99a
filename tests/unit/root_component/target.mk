UNIT_TEST := test-root_component
SRC_C     := main.c fixture.c
LIBS      := root_component harness
