UNIT_TEST := test-xml
SRC_C     := main.c
LIBS      := xml harness
