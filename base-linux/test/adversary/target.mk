TARGET := test-adversary
SRC_C  := main.c
LIBS   := component xml
